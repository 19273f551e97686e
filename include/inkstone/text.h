/* text: UTF-8 repair, sanitising for display, and display width.
 * Every width in inkstone comes from text_cp_width(), which agrees with what
 * ncurses draws (glibc wcwidth).  No curses. */
#ifndef INKSTONE_TEXT_H
#define INKSTONE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from valid UTF-8 at s (len > 0 bytes available).
 * Returns the number of bytes used (1-4) and sets *cp.  On an invalid or
 * truncated sequence returns 1 and sets *cp to 0xFFFD. */
size_t	text_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp as UTF-8 into out (4 bytes room); returns the byte count. */
size_t	text_encode(uint32_t cp, char *out);

/* Returns 1 if s[0..len) is valid UTF-8; else 0 and, if bad != NULL, the
 * offset of the first invalid byte in *bad. */
int	text_valid(const char *s, size_t len, size_t *bad);

/* Repairs s[0..len): each invalid byte becomes U+FFFD, CR LF and lone CR
 * become LF, NUL bytes become U+FFFD.  Returns a newly allocated,
 * NUL-terminated string; its length in *outlen. */
char	*text_repair(const char *s, size_t len, size_t *outlen);

/* Makes valid UTF-8 safe to draw or print: C0 controls other than LF and
 * TAB become Control Pictures (ESC is drawn as U+241B), DEL becomes U+2421,
 * C1 controls (U+0080-U+009F), bidi embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069) and code points wcwidth cannot draw
 * (unassigned, noncharacters) become U+FFFD; U+2028 and U+2029 become LF;
 * TAB is expanded to spaces up to the next multiple of 8
 * columns counted from the start of the line.  LF is kept.  Returns a newly
 * allocated, NUL-terminated string; its length in *outlen. */
char	*text_sanitize(const char *s, size_t len, size_t *outlen);

/* repair, then sanitise: what every untrusted string goes through. */
char	*text_clean(const char *s, size_t len, size_t *outlen);

/* Display width of one code point in columns as ncurses draws it (glibc
 * wcwidth in a UTF-8 locale, whatever the locale in force): 0 (combining,
 * zero-width), 1 or 2.  Never negative: code points that text_sanitize()
 * would replace count as the placeholder's width.  The soft hyphen U+00AD
 * counts 0: drawing code must skip it (the wrapper draws "-" where a line
 * breaks at one).  Thread-safe; the first call builds a table (~10 ms). */
int	text_cp_width(uint32_t cp);

/* Display width of valid, sanitised UTF-8 s[0..len). */
size_t	text_width(const char *s, size_t len);

#endif
