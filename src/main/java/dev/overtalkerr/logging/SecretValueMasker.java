package dev.overtalkerr.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

/** Masks secrets inside any string field of JSON log lines, stack traces included. */
public final class SecretValueMasker implements ValueMasker {
  @Override
  public Object mask(JsonStreamContext context, Object value) {
    if (value instanceof CharSequence cs) {
      String s = cs.toString();
      String masked = Secrets.mask(s);
      return masked.equals(s) ? null : masked;
    }
    return null;
  }
}
