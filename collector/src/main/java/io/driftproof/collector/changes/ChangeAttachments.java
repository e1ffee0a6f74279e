package io.driftproof.collector.changes;

import io.driftproof.collector.common.ProblemException;
import io.driftproof.collector.common.ServerClock;
import io.driftproof.collector.content.ContentCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Adds evidence to a record at any state (evidence is added to the trail, never replaces anything). */
@ApplicationScoped
public class ChangeAttachments {

    static final int MAX_BYTES = 10 << 20;

    private final ServerClock clock;
    private final ChangeTrail trail;
    private final ChangeViews views;

    ChangeAttachments(ServerClock clock, ChangeTrail trail, ChangeViews views) {
        this.clock = clock;
        this.trail = trail;
        this.views = views;
    }

    @Transactional
    public ChangeView attach(long recordId, AttachmentRequest request, String by) {
        ChangeRecord r = ChangeService.find(recordId);
        if (request == null) {
            throw FieldErrors.single("body", "an attachment is required");
        }
        FieldErrors errors = new FieldErrors();
        ChangeAttachment.Purpose purpose = null;
        try {
            purpose = ChangeAttachment.Purpose.valueOf(String.valueOf(request.purpose()));
        } catch (IllegalArgumentException e) {
            errors.add("purpose", "purpose must be one of REQUEST, IMPLEMENTATION, VERIFICATION");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 255) {
            errors.add("name", "name is required, at most 255 characters");
        }
        byte[] data = data(errors, request);
        errors.throwIfAny();
        ChangeAttachment a = new ChangeAttachment();
        a.recordId = r.id;
        a.purpose = purpose;
        a.name = request.name().strip();
        a.mediaType = request.mediaType() != null && !request.mediaType().isBlank() ? request.mediaType()
                : request.text() != null ? "text/plain; charset=utf-8" : "application/octet-stream";
        a.data = data;
        a.size = data.length;
        a.sha256 = ContentCodec.sha256Hex(data);
        a.addedAt = clock.now();
        a.addedBy = by;
        a.persist();
        trail.append(r, ChangeHistory.ATTACHED, by, purpose + " evidence '" + a.name + "' sha256 " + a.sha256);
        return views.of(r);
    }

    public record Content(String name, String mediaType, String sha256, byte[] data) {
    }

    @Transactional
    public Content get(long recordId, long attachmentId) {
        ChangeAttachment a = ChangeAttachment.<ChangeAttachment>find("id = ?1 and recordId = ?2", attachmentId, recordId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("change " + recordId
                        + " has no attachment " + attachmentId));
        return new Content(a.name, a.mediaType, a.sha256, a.data);
    }

    private static byte[] data(FieldErrors errors, AttachmentRequest request) {
        if ((request.text() == null) == (request.base64() == null)) {
            errors.add("text", "give exactly one of text or base64");
            return new byte[0];
        }
        byte[] data;
        try {
            data = request.text() != null ? request.text().getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(request.base64());
        } catch (IllegalArgumentException e) {
            errors.add("base64", "base64 is not valid Base64");
            return new byte[0];
        }
        if (data.length > MAX_BYTES) {
            errors.add(request.text() != null ? "text" : "base64", "an attachment has at most " + MAX_BYTES + " bytes");
        }
        return data;
    }
}
