package gsvtrainer.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Reads {@code Authorization: Bearer <key>} on API requests and leaves the {@link Caller} as a
 * request attribute. A wrong key is always refused; a missing one only where keys are required.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String CALLER = "gsv.caller";

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final ApiKeys keys;
    private final AuthPolicy policy;

    public ApiKeyFilter(ApiKeys keys, AuthPolicy policy) {
        this.keys = keys;
        this.policy = policy;
    }

    /**
     * Only API paths, judged as Spring MVC routes them: decoded, without {@code ;} parameters, so that
     * {@code /api;x=1/v1/tasks} or {@code /%61pi/v1/tasks} cannot reach a controller unchecked.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = PATHS.getLookupPathForRequest(request);
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            if (policy.keysRequired()) {
                refuse(response, "an API key is required: send 'Authorization: Bearer <key>'");
                return;
            }
            request.setAttribute(CALLER, Caller.ANONYMOUS);
            chain.doFilter(request, response);
            return;
        }
        String secret = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : null;
        Optional<ApiKey> key = keys.check(secret);
        if (key.isEmpty()) {
            refuse(response, "the API key is not valid");
            return;
        }
        request.setAttribute(CALLER, new Caller(key.get().id(), key.get().isAdmin()));
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail + "\",\"code\":\"unauthorized\"}");
    }
}
