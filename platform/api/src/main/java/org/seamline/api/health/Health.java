package org.seamline.api.health;

/** A component's health: its state and a short human-readable detail (never a secret). */
public record Health(State state, String detail) {

    public enum State { UP, DEGRADED, DOWN }

    public Health {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
    }

    public static Health up() {
        return new Health(State.UP, null);
    }

    public static Health down(String detail) {
        return new Health(State.DOWN, detail);
    }
}
