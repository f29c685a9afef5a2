import io.github.oauthconsumer.core.OAuthRequest;
import io.github.oauthconsumer.core.OAuthSigner;
import io.github.oauthconsumer.core.ParameterList;
import io.github.oauthconsumer.core.SignedParameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Signs requests for the load benchmark before the run, each with its own nonce, and writes one a
 * line for presigned.lua: {@code method TAB path TAB Authorization TAB body}. Run with the library
 * jar on the class path: {@code java -cp oauth1-consumer.jar Presign.java <scenario> <count>
 * <origin> <file>}, where scenario is {@code get} (protocol parameters in the header) or
 * {@code form} (an LTI-style launch form with the protocol parameters in the body).
 */
public final class Presign {

    private Presign() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: Presign get|form <count> <origin, e.g. http://127.0.0.1:8181> <file>");
        }
        String scenario = args[0];
        int count = Integer.parseInt(args[1]);
        String origin = args[2];
        OAuthSigner signer = OAuthSigner.builder("bench-platform").consumerSecret("bench-secret").build();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                if (scenario.equals("get")) {
                    String path = "/bench/api/validated/get?item=" + i;
                    SignedParameters signed = signer.sign(OAuthRequest.builder("GET", origin + path).build());
                    out.write("GET\t" + path + "\t" + signed.authorizationHeader() + "\t\n");
                } else {
                    String path = "/bench/api/validated/form";
                    ParameterList form = new ParameterList()
                            .add("lti_message_type", "basic-lti-launch-request")
                            .add("lti_version", "LTI-1p0")
                            .add("resource_link_id", "link-" + (i % 97))
                            .add("user_id", "user-" + i)
                            .add("roles", "Learner");
                    SignedParameters signed = signer.sign(OAuthRequest.builder("POST", origin + path)
                            .formParameters(form).build());
                    out.write("POST\t" + path + "\t\t" + form.copy().addAll(signed.asParameterList()).toFormEncoded() + "\n");
                }
            }
        }
    }
}
