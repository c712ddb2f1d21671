package dev.overtalkerr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import java.util.Map;
import java.util.Optional;
import okhttp3.ConnectionSpec;
import org.junit.jupiter.api.Test;

/** The process-wide HTTP client. */
class AppModuleTest {
  private static Settings backendAt(String url) {
    return new SettingsLoader(Map.of("MEDIA_BACKEND_URL", url, "MEDIA_BACKEND_API_KEY", "k-1234567890"))
        .load(Optional.empty(), Optional.empty(), true);
  }

  @Test
  void httpSpeaksTlsOnlyWhenTheBackendNeedsIt() {
    var plain = AppModule.okHttpClient(backendAt("http://seerr.lan:5055"));
    assertThat(plain.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
    assertThat(plain.x509TrustManager()).as("no trust store read at start").isNull();

    var tls = AppModule.okHttpClient(backendAt("HTTPS://seerr.example.org"));
    assertThat(tls.connectionSpecs()).contains(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);
    assertThat(tls.x509TrustManager()).isNotNull();
  }
}
