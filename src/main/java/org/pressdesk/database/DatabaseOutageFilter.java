package org.pressdesk.database;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pressdesk.web.UnavailableResponses;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of everything else, Spring Security included (which reads users from
 * the database): while the database is down, every request but the health checks is
 * answered 503 at once; a failure to reach the database that escapes from anywhere below
 * becomes the same 503.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private final DatabaseAvailability availability;

	DatabaseOutageFilter(DatabaseAvailability availability) {
		this.availability = availability;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!availability.isUp() && !request.getRequestURI().startsWith("/actuator/health")
				&& !request.getRequestURI().startsWith("/assets/")) {
			UnavailableResponses.write(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!availability.isOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			UnavailableResponses.write(request, response);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseAvailability availability) {
			FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
					new DatabaseOutageFilter(availability));
			// before Spring Security's chain (-100) and everything that may read from the
			// database
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

}
