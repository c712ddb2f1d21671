package dev.overtalkerr.mqtt;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Scope;

/** Objects that live as long as one broker connection (one {@link MqttConnection}). */
@Scope
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface BrokerScope {}
