package gsvtrainer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.config.GsvSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Where keys are required, every path that routes to the API is checked, however it is spelled. */
class ApiKeyFilterTest {

    private static final GsvSettings DEFAULTS = new GsvSettings(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);

    private final ApiKeyFilter filter = new ApiKeyFilter(null, new AuthPolicy(DEFAULTS, "0.0.0.0"));

    @Test
    void apiPathsWithoutAKeyAre401HoweverTheyAreSpelled() throws Exception {
        for (String uri : new String[] {"/api/v1/tasks", "/api;x=1/v1/tasks", "/%61pi/v1/tasks", "/api/v1;a=b/tasks", "/api"}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", uri), response, chain);
            assertThat(response.getStatus()).as(uri).isEqualTo(401);
            assertThat(chain.getRequest()).as(uri + " must not reach a controller").isNull();
        }
    }

    @Test
    void pathsOutsideTheApiPassWithoutAKey() throws Exception {
        for (String uri : new String[] {"/actuator/health", "/docs", "/v3/api-docs", "/apis"}) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", uri), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(uri).isNotNull();
        }
    }

    @Test
    void keysAreOptionalOnlyWhenTheServerListensOnLoopbackAlone() {
        assertThat(AuthPolicy.isLoopback("127.0.0.1")).isTrue();
        assertThat(AuthPolicy.isLoopback("::1")).isTrue();
        assertThat(AuthPolicy.isLoopback("localhost")).isTrue();
        assertThat(AuthPolicy.isLoopback("0.0.0.0")).isFalse();
        assertThat(AuthPolicy.isLoopback("")).as("blank binds every interface").isFalse();
        assertThat(AuthPolicy.isLoopback(" ")).isFalse();
        assertThat(new AuthPolicy(DEFAULTS, "").keysRequired()).isTrue();
    }
}
