package org.pressdesk.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How every pooled connection is set up, on the embedded database and an external one
 * alike.
 * <ul>
 * <li>READ COMMITTED: writes lock the rows they change (a person is locked before it is
 * rewritten), and InnoDB's gap locks under REPEATABLE READ only add deadlocks between
 * concurrent writers of different people.</li>
 * <li>On MariaDB, jOOQ builds MULTISET from GROUP_CONCAT, whose result is cut at
 * {@code group_concat_max_len} (1 KiB by default). jOOQ would raise the limit around each
 * query with extra statements, which needs {@code allowMultiQueries} in every JDBC URL;
 * instead each connection raises it once when it opens.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PooledConnections {

	static final String RAISE_GROUP_CONCAT_LIMIT = "SET SESSION group_concat_max_len = 4294967295";

	@Bean
	DefaultConfigurationCustomizer noGroupConcatStatementsAroundQueries() {
		return configuration -> configuration.settings().withRenderGroupConcatMaxLenSessionVariable(false);
	}

	@Bean
	static BeanPostProcessor pooledConnectionSettings() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					if (pool.getConnectionInitSql() == null) {
						pool.setConnectionInitSql(RAISE_GROUP_CONCAT_LIMIT);
					}
					if (pool.getTransactionIsolation() == null) {
						pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
					}
				}
				return bean;
			}
		};
	}

}
