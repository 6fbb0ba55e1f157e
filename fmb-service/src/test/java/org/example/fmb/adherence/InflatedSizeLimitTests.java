package org.example.fmb.adherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.example.platform.error.RequestTooLargeException;
import org.junit.jupiter.api.Test;

class InflatedSizeLimitTests {

    @Test
    void aGzipBodyThatInflatesPastTheLimitIsStoppedAsTooLarge() throws Exception {
        var zeros = gzip(new byte[1 << 20]); // 1 MB of zeros is about 1 kB of gzip
        assertThat(zeros.length).isLessThan(4096);
        try (var body = new InflatedSizeLimit(new GZIPInputStream(new ByteArrayInputStream(zeros)), 64 * 1024)) {
            assertThatThrownBy(body::readAllBytes)
                    .isInstanceOf(RequestTooLargeException.class)
                    .hasMessageContaining("65536");
        }
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        var text =
                "icd10_code,start,end,degree,sex,age_band,region\n".repeat(100).getBytes();
        try (var body = new InflatedSizeLimit(new GZIPInputStream(new ByteArrayInputStream(gzip(text))), text.length)) {
            assertThat(body.readAllBytes()).isEqualTo(text);
        }
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
