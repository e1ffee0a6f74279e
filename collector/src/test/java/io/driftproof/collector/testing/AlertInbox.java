package io.driftproof.collector.testing;

import io.driftproof.collector.alerts.AlertSender;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

import static io.restassured.RestAssured.given;

/** The alert outbox and the {@link AlertReceiver} as tests look at them: send what is due, read
 * what a channel's receiver got, make the webhook fail. */
@ApplicationScoped
public class AlertInbox {

    private final AlertSender sender;
    private final String receiver;

    AlertInbox(AlertSender sender, @ConfigProperty(name = "test.alert-receiver") String receiver) {
        this.sender = sender;
        this.receiver = receiver;
    }

    /** Sends every due alert (the sender sends one batch per call). */
    public void drain() {
        int sent;
        do {
            sent = sender.sendDue();
        } while (sent > 0);
    }

    /** The next {@code count} webhook posts are answered 503. */
    public void failWebhook(int count) {
        given().post(receiver + "/fail?count=" + count).then().statusCode(204);
    }

    /** The delivery of a finding's alert on one channel, as GET /alerts shows it. */
    public JsonPath delivery(long findingId, String channel) {
        JsonPath list = Actor.ADMIN.get("/api/v1/alerts?findingId={id}", findingId).statusCode(200).extract().jsonPath();
        return new JsonPath(list.prettify()).setRootPath("find { it.channel == '" + channel + "' }");
    }

    /** The first message a receiver path got about a host. */
    public JsonPath received(String path, String hostId) {
        JsonPath all = given().get(receiver + "/received?path=" + path).then().statusCode(200).extract().jsonPath();
        String match = path.equals("/webhook") ? "it.hostId == '" + hostId + "'" : "it.toString().contains('" + hostId + "')";
        return new JsonPath(all.prettify()).setRootPath("find { " + match + " }");
    }

    public List<String> syslogLines() {
        return given().get(receiver + "/received?path=/syslog").then().extract().jsonPath().getList("$");
    }
}
