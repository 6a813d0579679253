package dev.s3batch.testkit;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Binds S3Mock's plain-HTTP connector to 127.0.0.1. S3Mock sets only its port, so Tomcat would
 * listen on every address; tests and the demo must not. Added to S3Mock's Spring context
 * through {@code spring.main.sources}.
 */
public class LoopbackConnectors implements BeanPostProcessor {

  /** The address every connector listens on. */
  public static final String ADDRESS = "127.0.0.1";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof Connector connector) {
      connector.setProperty("address", ADDRESS);
    }
    return bean;
  }
}
