package org.example.platform.error;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Every servlet service with JDBC answers 503 while its database is unavailable (DatabaseUnavailableHandler). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(CannotGetJdbcConnectionException.class)
@Import(DatabaseUnavailableHandler.class)
public class DatabaseUnavailableAutoConfiguration {}
