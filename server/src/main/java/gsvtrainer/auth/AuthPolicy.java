package gsvtrainer.auth;

import gsvtrainer.config.GsvSettings;
import java.net.InetAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether requests need a key: as set, or, when unset, required unless the server listens only on
 * a loopback address (so the old client keeps working locally and nothing is open by accident).
 */
@Component
public class AuthPolicy {

    private final boolean required;

    public AuthPolicy(GsvSettings settings, @Value("${server.address:127.0.0.1}") String address) {
        this.required = settings.authRequired() != null ? settings.authRequired() : !isLoopback(address);
    }

    public boolean keysRequired() {
        return required;
    }

    /** Whether {@code address} names only loopback: a blank one binds every interface, so it does not. */
    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }
}
