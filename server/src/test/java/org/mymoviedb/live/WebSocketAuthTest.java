package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;

/**
 * The token in connection_init: {@code authorization: "Bearer ..."} or {@code token}; operations run as that user.
 * An expired, revoked or unknown token closes the socket with 4403, so a graphql-ws client (which retries 4403)
 * gets a new token from its connectionParams and reconnects.
 */
class WebSocketAuthTest {

    private static final String ME = "{ me { username role } }";

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("nienna", Role.EDITOR);

    @Test
    void operationsRunAsTheUserOfEitherTokenForm() {
        String token = server.token("nienna");
        for (Map<String, Object> payload : java.util.List.<Map<String, Object>>of(
                Map.of("authorization", "Bearer " + token), Map.of("Authorization", "bearer " + token),
                Map.of("token", token))) {
            try (WebSocketClient client = WebSocketClient.initialised(server.get(), payload)) {
                client.subscribe("me", ME);
                assertThat(client.expect("next").at("/payload/data/me/username").asString()).isEqualTo("nienna");
                client.expect("complete");
            }
        }
    }

    @Test
    void withoutATokenOperationsRunAsAnonymous() {
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of())) {
            client.subscribe("me", ME);
            assertThat(client.expect("next").at("/payload/data/me").isNull()).isTrue();
            client.expect("complete");
        }
    }

    @Test
    void anUnknownOrRevokedTokenIs4403() {
        try (WebSocketClient client = WebSocketClient.connect(server.get())) {
            client.send(Map.of("type", "connection_init", "payload", Map.of("authorization", "Bearer not-a-token")));
            WebSocketClient.Closed closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(4403);
            assertThat(closed.reason()).contains("UNAUTHENTICATED");
        }
        String revoked = server.signedIn("irmo", Role.EDITOR);
        server.queryAs(revoked, "mutation { logout { revoked } }", Map.of());
        try (WebSocketClient client = WebSocketClient.connect(server.get())) {
            client.send(Map.of("type", "connection_init", "payload", Map.of("token", revoked)));
            assertThat(client.awaitClose().code()).isEqualTo(4403);
        }
    }

    @Test
    void aTokenRevokedAfterTheAckClosesWith4403AtTheNextOperation() {
        String token = server.signedIn("este", Role.EDITOR);
        try (WebSocketClient client = WebSocketClient.initialised(server.get(), Map.of("token", token))) {
            server.queryAs(token, "mutation { logout { revoked } }", Map.of());
            client.subscribe("me", ME);
            assertThat(client.awaitClose().code()).isEqualTo(4403);
        }
    }
}
