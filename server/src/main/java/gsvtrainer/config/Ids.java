package gsvtrainer.config;

import java.security.SecureRandom;

/** Short random identifiers with a type prefix, e.g. {@code t_8kq2m4x7w1zc}. */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghijkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(String prefix) {
        return prefix + "_" + random(14);
    }

    public static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
