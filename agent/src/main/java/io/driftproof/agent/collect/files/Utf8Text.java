package io.driftproof.agent.collect.files;

/** Decides whether file content is text: valid UTF-8 (RFC 3629, no overlongs or surrogates) without NUL. */
final class Utf8Text {

    private Utf8Text() {
    }

    static boolean isText(byte[] data, int length) {
        int i = 0;
        while (i < length) {
            int b = data[i] & 0xff;
            if (b < 0x80) {
                if (b == 0) {
                    return false;
                }
                i++;
                continue;
            }
            int extra;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                extra = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                extra = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + extra >= length) {
                return false;
            }
            int cp = b & (0x3f >> extra);
            for (int k = 1; k <= extra; k++) {
                int c = data[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }
}
