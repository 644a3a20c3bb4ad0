package org.pressdesk.database;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a transaction again when the database refused it with "try restarting
 * transaction": InnoDB chose it as a deadlock's victim, or a Galera node refused it at
 * certification because another node committed a conflicting change first (both error
 * 1213, SQLSTATE 40001). The database rolled all of it back, so running the whole
 * transaction again is safe; a broken connection is not retried, as its transaction may
 * or may not have committed (that is a 503). Around the method that begins the
 * transaction only (a method joining one is run again with it), at most
 * {@value #ATTEMPTS} attempts in all, milliseconds apart at first; then the 409 "try
 * again" goes to the client.
 */
@Configuration(proxyBeanMethods = false)
class RetriedTransactions {

	private static final Logger log = LoggerFactory.getLogger(RetriedTransactions.class);

	static final int ATTEMPTS = 8;

	private static final int ROLLED_BACK = 1213;

	private static final String SERIALIZATION_FAILURE = "40001";

	/** Transactions run again since the start, for the log and the Galera test. */
	private static final AtomicLong retried = new AtomicLong();

	static long retried() {
		return retried.get();
	}

	/** Outside the transaction's own advice (Spring's comes last), so each run is new. */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor retriedTransactionsAdvisor() {
		ComposablePointcut transactional = new ComposablePointcut(
				new AnnotationMatchingPointcut(Transactional.class, true))
			.union(new AnnotationMatchingPointcut(null, Transactional.class, true));
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional,
				(MethodInterceptor) RetriedTransactions::run);
		advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return advisor;
	}

	private static Object run(MethodInvocation invocation) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return invocation.proceed();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return ((ProxyMethodInvocation) invocation).invocableClone().proceed();
			}
			catch (RuntimeException ex) {
				if (attempt == ATTEMPTS || !rolledBackToBeRestarted(ex)) {
					throw ex;
				}
				retried.incrementAndGet();
				log.info("{} was rolled back by the database ({}); attempt {} of {}", invocation.getMethod(),
						NestedExceptionUtils.getMostSpecificCause(ex), attempt + 1, ATTEMPTS);
				// the other transaction is committing now; a random pause, longer each
				// time, keeps two writers of the same rows from meeting again (at most
				// about a second in all)
				Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(250, 5L << attempt)));
			}
		}
	}

	static boolean rolledBackToBeRestarted(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql
					&& (sql.getErrorCode() == ROLLED_BACK || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
