package org.pressdesk.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies at {@value #MAX_BYTES} bytes, so that no request can make the
 * service read without end; imports, which carry whole files, have their own limit
 * ({@code pressdesk.import.*}). A declared length over the cap is refused at once (413);
 * a body sent without one is cut off when it passes the cap, and the request fails as
 * unreadable.
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

	static final int MAX_BYTES = 1024 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the API's and the staff page's upload of a file
		return request.getRequestURI().equals("/api/v1/imports") || request.getRequestURI().equals("/imports");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			Problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large",
					"The request body is larger than " + MAX_BYTES / 1024 + " KB."));
			return;
		}
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public ServletInputStream getInputStream() throws IOException {
				return new Capped(super.getInputStream());
			}
		}, response);
	}

	private static final class Capped extends ServletInputStream {

		private final ServletInputStream in;

		private long read;

		Capped(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > MAX_BYTES) {
				throw new IOException("request body over " + MAX_BYTES + " bytes");
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
