/* browser: which URLs the reader hands to a web browser, and the argument
 * vector it runs for one.  No shell is ever involved: $BROWSER is split on
 * blanks into words, the URL is one word of its own, and the reader runs
 * the vector with execv, the command found in PATH as execvp would find
 * it (src/ui/openurl.c).  No curses. */
#ifndef INKSTONE_BROWSER_H
#define INKSTONE_BROWSER_H

/* The command run when $BROWSER is unset or blank. */
#define BROWSER_DEFAULT	"xdg-open"

/* Returns 0 if url may be opened: it starts with "http://" or "https://"
 * (in any case), is valid UTF-8, and holds no control character (C0, DEL,
 * C1), nor any of the stand-ins text_sanitize() leaves where one was (the
 * Control Pictures U+2400-U+2421, U+FFFD).  A URL starting with '-', which
 * a browser would take for an option, is refused with its own reason.
 * Else returns -1 with *cause (allocated) saying why. */
int	 browser_check_url(const char *url, char **cause);

/* The argument vector that opens url with the command browser (the value
 * of $BROWSER; NULL or blank means BROWSER_DEFAULT): browser split on
 * spaces, tabs and newlines into words, no quoting, no expansion.  In
 * each word after the first (the command's name is taken as it is) "%s"
 * becomes the URL and "%%" a '%'; when no word holds "%s", the URL is
 * appended as the last word.  Returns a NULL-terminated vector
 * (free with browser_argv_free), or NULL with *cause set (allocated) when
 * browser_check_url refuses the URL. */
char	**browser_argv(const char *browser, const char *url, char **cause);

void	 browser_argv_free(char **argv);

#endif
