package dev.s3batch.tools.page;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): {@code attachment}, a plain
 * {@code filename} for old clients (non-ASCII, quotes, backslashes and controls as {@code _}) and
 * {@code filename*} in RFC 5987's {@code UTF-8''} form, which browsers prefer, so a job named
 * {@code job-Größe} downloads as {@code job-Größe-results.csv}.
 *
 * <pre>{@code
 * ContentDisposition.attachment("job-ü.csv")
 * // attachment; filename="job-_.csv"; filename*=UTF-8''job-%C3%BC.csv
 * }</pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6266#section-4.3">RFC 6266, 4.3: filename and filename*</a>
 */
final class ContentDisposition {

  private static final String ATTR_CHAR = "!#$&+-.^_`|~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ContentDisposition() {}

  /** The header value for a download saved as {@code filename}. */
  static String attachment(String filename) {
    StringBuilder plain = new StringBuilder(filename.length());
    filename.codePoints().forEach(c ->
        plain.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
    return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + extValue(filename);
  }

  /** RFC 5987's {@code value-chars}: {@code attr-char}s as they are, every other UTF-8 byte %-encoded. */
  static String extValue(String s) {
    StringBuilder sb = new StringBuilder(s.length() * 3);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHAR.indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }
}
