package org.pressdesk.system;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On MariaDB, jOOQ builds MULTISET from GROUP_CONCAT, whose result is cut at
 * {@code group_concat_max_len} (1 KiB by default). jOOQ would raise the limit around each query
 * with extra statements, which needs {@code allowMultiQueries} in every JDBC URL; instead each
 * pooled connection raises it once when it opens. MySQL 8 uses JSON_ARRAYAGG and is unaffected.
 */
@Configuration(proxyBeanMethods = false)
class MariaDbGroupConcat {

	static final String RAISE_GROUP_CONCAT_LIMIT = "SET SESSION group_concat_max_len = 4294967295";

	@Bean
	DefaultConfigurationCustomizer jooqSettings() {
		return configuration -> configuration.settings().withRenderGroupConcatMaxLenSessionVariable(false);
	}

	@Bean
	static BeanPostProcessor raiseGroupConcatLimitOnConnect() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
					pool.setConnectionInitSql(RAISE_GROUP_CONCAT_LIMIT);
				}
				return bean;
			}
		};
	}

}
