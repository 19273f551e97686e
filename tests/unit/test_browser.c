/* Tests for browser: which URLs are opened, and the argument vector that
 * opens them (never a shell, the URL always one word). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/article.h"
#include "inkstone/browser.h"

/* Checks argv against the NULL-terminated list of words that follows. */
static void
check_argv(char **argv, ...)
{
	va_list		 ap;
	const char	*w;
	size_t		 i = 0;

	assert_non_null(argv);
	va_start(ap, argv);
	while ((w = va_arg(ap, const char *)) != NULL) {
		assert_non_null(argv[i]);
		assert_string_equal(argv[i], w);
		i++;
	}
	va_end(ap);
	assert_null(argv[i]);
}

static void
refused(const char *url, const char *why)
{
	char	*cause;

	assert_int_equal(browser_check_url(url, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, why) == NULL)
		fail_msg("%s: \"%s\" lacks \"%s\"", url, cause, why);
	free(cause);
	assert_null(browser_argv("w3m", url, &cause));
	assert_non_null(cause);
	free(cause);
}

static void
test_check(void **state)
{
	static const char *const good[] = {
		"http://example.com/",
		"https://example.com/a?b=c&d=e#f",
		"HTTPS://EXAMPLE.COM/",
		"hTtP://example.com",
		"https://zh.wikipedia.org/wiki/華為",
		"https://example.com/a;touch /tmp/x;$(touch /tmp/y)`id`",
		"https://example.com/a b",
		/* Next to the bidi controls, and right-to-left text. */
		"https://e.com/\xe2\x80\x8d\xe2\x80\x90\xe2\x80\xaf",
		"https://e.com/\xd8\x9b\xd8\x9f",
		"https://he.wikipedia.org/wiki/\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
	};
	char	*cause;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (browser_check_url(good[i], &cause) != 0)
			fail_msg("%s refused: %s", good[i], cause);
		assert_null(cause);
	}
	refused(NULL, "no URL");
	refused("", "no URL");
	refused("-x", "'-'");
	refused("--new-window=https://example.com", "'-'");
	refused("javascript:alert(1)", "http");
	refused("file:///etc/passwd", "http");
	refused("ftp://example.com/", "http");
	refused("http:/example.com", "http");
	refused("https:", "http");
	refused("example.com", "http");
	refused(" https://example.com", "http");
	refused("https://example.com/\x1b]52;c;aGk=\x07", "control");
	refused("https://example.com/a\nb", "control");
	refused("https://example.com/a\tb", "control");
	refused("https://example.com/\x7f", "control");
	refused("https://example.com/\xc2\x9b" "2J", "control");
	/* What text_sanitize() makes of ESC and of a broken byte. */
	refused("https://example.com/\xe2\x90\x9b]0;x", "control");
	refused("https://example.com/\xef\xbf\xbd", "control");
	/* Bidi controls would show the URL in another order than it has
	 * ("\u202egpj.exe" reads "exe.jpg"): RLO and the other overrides
	 * and embeddings, the isolates, the marks LRM, RLM and ALM. */
	refused("https://e.com/\xe2\x80\xae" "gpj.exe", "bidi");	/* RLO */
	refused("https://e.com/\xe2\x80\xaa", "bidi");	/* LRE */
	refused("https://e.com/\xe2\x80\xab", "bidi");	/* RLE */
	refused("https://e.com/\xe2\x80\xac", "bidi");	/* PDF */
	refused("https://e.com/\xe2\x80\xad", "bidi");	/* LRO */
	refused("https://e.com/\xe2\x81\xa6", "bidi");	/* LRI */
	refused("https://e.com/\xe2\x81\xa7", "bidi");	/* RLI */
	refused("https://e.com/\xe2\x81\xa8", "bidi");	/* FSI */
	refused("https://e.com/\xe2\x81\xa9", "bidi");	/* PDI */
	refused("https://e.com/\xe2\x80\x8e", "bidi");	/* LRM */
	refused("https://e.com/\xe2\x80\x8f", "bidi");	/* RLM */
	refused("https://e.com/\xd8\x9c", "bidi");		/* ALM */
	refused("https://example.com/\xff", "UTF-8");
	refused("https://example.com/\xe8\x8f", "UTF-8");
}

static void
test_argv(void **state)
{
	const char	*u = "https://example.com/a;b $(c)";
	char		**argv, *cause;

	(void)state;
	argv = browser_argv(NULL, u, &cause);
	check_argv(argv, BROWSER_DEFAULT, u, NULL);
	browser_argv_free(argv);
	argv = browser_argv(" \t\n", u, &cause);
	check_argv(argv, BROWSER_DEFAULT, u, NULL);
	browser_argv_free(argv);
	argv = browser_argv("", u, &cause);
	check_argv(argv, BROWSER_DEFAULT, u, NULL);
	browser_argv_free(argv);
	argv = browser_argv("w3m", u, &cause);
	check_argv(argv, "w3m", u, NULL);
	browser_argv_free(argv);
	/* Blanks split words, nothing else is special: no quotes, no
	 * variables, no globs. */
	argv = browser_argv("  firefox\t--new-tab \n \"a b\" $HOME *  ", u,
	    &cause);
	check_argv(argv, "firefox", "--new-tab", "\"a", "b\"", "$HOME", "*",
	    u, NULL);
	browser_argv_free(argv);
	/* %s where it stands, once per occurrence, and nothing appended. */
	argv = browser_argv("lynx -dump %s", u, &cause);
	check_argv(argv, "lynx", "-dump", u, NULL);
	browser_argv_free(argv);
	argv = browser_argv("chromium --app=%s x%sy", u, &cause);
	check_argv(argv, "chromium", "--app=https://example.com/a;b $(c)",
	    "xhttps://example.com/a;b $(c)y", NULL);
	browser_argv_free(argv);
	/* %% is a '%', so %%s is no place for the URL; a lone '%' stays. */
	argv = browser_argv("b 100%% %%s 50% %", u, &cause);
	check_argv(argv, "b", "100%", "%s", "50%", "%", u, NULL);
	browser_argv_free(argv);
	/* The command's name is never the URL. */
	argv = browser_argv("%s", u, &cause);
	check_argv(argv, "%s", u, NULL);
	browser_argv_free(argv);
	/* A URL holding "%s" is copied, not expanded again. */
	argv = browser_argv("b %s", "https://e.com/%s%%", &cause);
	check_argv(argv, "b", "https://e.com/%s%%", NULL);
	browser_argv_free(argv);
	browser_argv_free(NULL);
}

/* The URL the reader opens is the article's front matter url, after the
 * article's own cleaning: control characters in it are refused, not
 * passed on in their cleaned form. */
static void
test_article_url(void **state)
{
	static const char	ok[] = "---\ntitle: T\n"
	    "url: \"https://example.com/a;touch x;$(touch y)\"\n---\nBody.\n";
	static const char	esc[] = "---\ntitle: T\n"
	    "url: \"https://example.com/\\e]0;x\\a\"\n---\nBody.\n";
	static const char	raw[] = "Headline\nhttps://example.com/\nBody.\n";
	static const char	rlo[] = "---\ntitle: T\n"
	    "url: \"https://e.com/\\u202egpj.exe\"\n---\nBody.\n";
	static const char	rlm[] = "---\ntitle: T\n"
	    "url: \"https://e.com/a\\u200fb\"\n---\nBody.\n";
	struct article		*a;
	char			*cause;

	(void)state;
	a = article_parse("a.md", ok, sizeof ok - 1);
	assert_string_equal(a->url, "https://example.com/a;touch x;$(touch y)");
	assert_int_equal(browser_check_url(a->url, &cause), 0);
	article_free(a);
	a = article_parse("a.md", esc, sizeof esc - 1);
	assert_non_null(a->url);
	assert_int_equal(browser_check_url(a->url, &cause), -1);
	free(cause);
	article_free(a);
	/* Bidi controls come through the article's cleaning as they are,
	 * or as U+FFFD: either way, refused. */
	a = article_parse("a.md", rlo, sizeof rlo - 1);
	assert_non_null(a->url);
	assert_int_equal(browser_check_url(a->url, &cause), -1);
	free(cause);
	article_free(a);
	a = article_parse("a.md", rlm, sizeof rlm - 1);
	assert_non_null(a->url);
	assert_int_equal(browser_check_url(a->url, &cause), -1);
	free(cause);
	article_free(a);
	/* Raw text has no url field: nothing to open. */
	a = article_parse("a.txt", raw, sizeof raw - 1);
	assert_null(a->url);
	assert_int_equal(browser_check_url(a->url, &cause), -1);
	assert_non_null(strstr(cause, "no URL"));
	free(cause);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_argv),
		cmocka_unit_test(test_article_url),
	};

	return cmocka_run_group_tests_name("browser", tests, NULL, NULL);
}
