/* browser: checking a URL before it leaves the reader, and the argument
 * vector of the command that opens it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inkstone/browser.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

/*
 * Besides the controls themselves, what text_sanitize() puts in their
 * place: an article's URL has been through it, so a Control Picture or
 * U+FFFD in one marks a control character or a broken byte in the file.
 */
static int
is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	    (cp >= 0x2400 && cp <= 0x2421) || cp == 0xfffd;
}

/*
 * The bidi controls: embeddings and overrides, isolates, and the marks
 * LRM, RLM and ALM.  Invisible, they make a URL read in another order
 * than the browser gets it ("https://e.com/\u202egpj.exe" shows as
 * ending in "exe.jpg"), on the status line and in the browser.
 */
static int
is_bidi(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f ||
	    cp == 0x061c;
}

int
browser_check_url(const char *url, char **cause)
{
	size_t		i, len, n;
	uint32_t	cp;

	*cause = NULL;
	if (url == NULL || *url == '\0') {
		*cause = xstrdup("the article has no URL");
		return -1;
	}
	len = strlen(url);
	if (url[0] == '-') {
		*cause = xstrdup("refusing a URL that starts with '-'");
		return -1;
	}
	if (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0) {
		*cause = xstrdup("refusing a URL that is not http:// or "
		    "https://");
		return -1;
	}
	if (!text_valid(url, len, NULL)) {
		*cause = xstrdup("refusing a URL that is not valid UTF-8");
		return -1;
	}
	for (i = 0; i < len; i += n) {
		n = text_decode(url + i, len - i, &cp);
		if (is_control(cp)) {
			*cause = xstrdup("refusing a URL that holds a control "
			    "character");
			return -1;
		}
		if (is_bidi(cp)) {
			*cause = xstrdup("refusing a URL that holds a bidi "
			    "control character");
			return -1;
		}
	}
	return 0;
}

/* The word w[0..len) with "%s" made the URL and "%%" a '%'; *used is set
 * when a "%s" was there. */
static char *
expand(const char *w, size_t len, const char *url, int *used)
{
	struct buf	b = { 0 };
	size_t		i;

	for (i = 0; i < len; i++) {
		if (w[i] == '%' && i + 1 < len && w[i + 1] == 's') {
			buf_adds(&b, url);
			*used = 1;
			i++;
		} else if (w[i] == '%' && i + 1 < len && w[i + 1] == '%') {
			buf_addc(&b, '%');
			i++;
		} else
			buf_addc(&b, w[i]);
	}
	return buf_take(&b, NULL);
}

char **
browser_argv(const char *browser, const char *url, char **cause)
{
	static const char	 blanks[] = " \t\n";
	char			**argv;
	const char		*s;
	size_t			 n = 0, words = 0, len;
	int			 used = 0;

	if (browser_check_url(url, cause) == -1)
		return NULL;
	if (browser == NULL || browser[strspn(browser, blanks)] == '\0')
		browser = BROWSER_DEFAULT;
	for (s = browser; *(s += strspn(s, blanks)) != '\0';
	    s += strcspn(s, blanks))
		words++;
	argv = xcalloc(words + 2, sizeof *argv);
	for (s = browser; *(s += strspn(s, blanks)) != '\0'; s += len) {
		len = strcspn(s, blanks);
		if (n == 0)
			argv[n++] = xstrndup(s, len);
		else
			argv[n++] = expand(s, len, url, &used);
	}
	if (!used)
		argv[n++] = xstrdup(url);
	argv[n] = NULL;
	return argv;
}

void
browser_argv_free(char **argv)
{
	size_t	i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}
