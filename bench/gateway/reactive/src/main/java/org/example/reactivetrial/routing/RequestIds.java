package org.example.reactivetrial.routing;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The suite's request id, as the platform's {@code RequestIdFilter} settles it: the caller's {@code X-Request-Id}
 * when it is of the safe form, otherwise a new UUID, sent on to the service and returned to the caller once (the
 * service's echo of it is replaced as the answer is committed).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds implements WebFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var given = exchange.getRequest().getHeaders().getFirst(HEADER);
        var usable = given != null && SAFE.matcher(given).matches();
        var requestId = usable ? given : UUID.randomUUID().toString();
        var response = exchange.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        if (usable) {
            return chain.filter(exchange);
        }
        var request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(HEADER, requestId))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
