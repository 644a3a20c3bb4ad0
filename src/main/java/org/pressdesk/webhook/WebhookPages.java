package org.pressdesk.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The webhook endpoints for ADMINs: each with its recent deliveries, what failed and why,
 * and a retry. Endpoints are made and changed through the API.
 */
@Controller
class WebhookPages {

	/** The deliveries shown per endpoint. */
	private static final int RECENT = 10;

	private final Webhooks webhooks;

	WebhookPages(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/admin/webhooks")
	String list(Model model) {
		Map<WebhookEndpoint, List<WebhookDelivery>> endpoints = new LinkedHashMap<>();
		webhooks.list().forEach(endpoint -> endpoints.put(endpoint, webhooks.deliveries(endpoint.id(), RECENT)));
		model.addAttribute("endpoints", endpoints);
		return "webhook/list";
	}

	@PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/retry")
	String retry(@PathVariable String id, @PathVariable String deliveryId) {
		webhooks.retry(id, deliveryId);
		return "redirect:/admin/webhooks?retried";
	}

}
