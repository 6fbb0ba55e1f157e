package org.example.hosp.system;

import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * Two transaction managers on the one DataSource. JPA (the default) for the registrar's updates, which change
 * entities; plain JDBC ({@value #DIRECT_ACCESS}) for direct access, whose reads and audit rows are SQL only and so
 * need no Hibernate session per request. A direct-access transaction calls no JPA-transactional method.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionConfiguration {

    /** The name of the JDBC transaction manager, for {@code @Transactional(transactionManager = ...)}. */
    public static final String DIRECT_ACCESS = "directAccessTransactionManager";

    @Bean
    @Primary
    JpaTransactionManager transactionManager(
            EntityManagerFactory entityManagerFactory, ObjectProvider<TransactionManagerCustomizers> customizers) {
        var manager = new JpaTransactionManager(entityManagerFactory);
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }

    @Bean(DIRECT_ACCESS)
    JdbcTransactionManager directAccessTransactionManager(
            DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
        var manager = new JdbcTransactionManager(dataSource);
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }
}
