package io.driftproof.collector.changes;

import io.driftproof.collector.inventory.ItemKind;
import io.driftproof.collector.reconcile.KeyPattern;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;

import java.util.Objects;
import java.util.Set;

/** One expected change: items of a kind whose key matches a pattern (globs allowed), an action,
 * and optionally the version or content hash they should end at. */
@Embeddable
public class Expectation {

    @Enumerated(EnumType.STRING)
    public ItemKind kind;
    @Column(name = "key_pattern")
    public String keyPattern;
    @Enumerated(EnumType.STRING)
    public ExpectedAction action;
    @Column(name = "to_version")
    public String toVersion;
    @Column(name = "after_sha256")
    public String afterSha256;
    /** Comma-separated attribute names: the expectation matches only a modification confined to them. */
    @Column(name = "only_attributes")
    public String onlyAttributes;
    /** Compiled on first use: reconciliation matches every change against every expectation in scope. */
    @Transient
    private KeyPattern compiledKeyPattern;

    public Expectation() {
    }

    public Expectation(ItemKind kind, String keyPattern, ExpectedAction action, String toVersion, String afterSha256) {
        this(kind, keyPattern, action, toVersion, afterSha256, null);
    }

    public Expectation(ItemKind kind, String keyPattern, ExpectedAction action, String toVersion, String afterSha256,
                       String onlyAttributes) {
        this.kind = kind;
        this.keyPattern = keyPattern;
        this.action = action;
        this.toVersion = toVersion;
        this.afterSha256 = afterSha256;
        this.onlyAttributes = onlyAttributes;
    }

    public KeyPattern keyMatcher() {
        if (compiledKeyPattern == null) {
            compiledKeyPattern = KeyPattern.compile(keyPattern);
        }
        return compiledKeyPattern;
    }

    /** The attributes a matching change may touch; empty when any change matches. */
    public Set<String> onlyAttributeSet() {
        return onlyAttributes == null ? Set.of() : Set.of(onlyAttributes.split(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expectation e && kind == e.kind && Objects.equals(keyPattern, e.keyPattern) && action == e.action
                && Objects.equals(toVersion, e.toVersion) && Objects.equals(afterSha256, e.afterSha256)
                && Objects.equals(onlyAttributes, e.onlyAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, keyPattern, action, toVersion, afterSha256, onlyAttributes);
    }
}
