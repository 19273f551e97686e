/* Tests for article: raw page text, front matter, bad input, the sample
 * library.  Fixtures live in tests/fixtures/articles; files whose exact
 * bytes matter (binary, invalid UTF-8, CRLF) are written here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inkstone/article.h"
#include "inkstone/util.h"

#define FIX	"tests/fixtures/articles/"

static struct article *
load(const char *path)
{
	struct article	*a;
	char		*cause = NULL;

	a = article_load(path, &cause);
	if (a == NULL)
		fail_msg("%s", cause);
	return a;
}

static struct article *
parse(const char *path, const char *s)
{
	return article_parse(path, s, strlen(s));
}

/* Whether any paragraph contains needle. */
static int
in_body(const struct article *a, const char *needle)
{
	size_t	 i;

	for (i = 0; i < a->npara; i++)
		if (strstr(a->paras[i].text, needle) != NULL)
			return 1;
	return 0;
}

static void
assert_clean(const struct article *a)
{
	size_t	 i;

	assert_non_null(a->title);
	assert_null(strchr(a->title, '\n'));
	for (i = 0; i < a->npara; i++) {
		assert_int_equal(strlen(a->paras[i].text), a->paras[i].len);
		assert_true(a->paras[i].len > 0);
		assert_null(strchr(a->paras[i].text, '\n'));
		assert_null(strchr(a->paras[i].text, '\r'));
		assert_null(strchr(a->paras[i].text, '\033'));
	}
}

/* A temporary file holding len bytes; the caller unlinks and frees. */
static char *
temp_file(const char *suffix, const void *data, size_t len)
{
	char	*path;
	int	 fd;

	path = xasprintf("/tmp/inkstone-article-XXXXXX%s", suffix);
	fd = mkstemps(path, (int)strlen(suffix));
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return path;
}

static void
test_raw_chrome(void **state)
{
	static const char	*chrome[] = { "logo", "News", "World >",
				    "Download", "Paid subscribers",
				    "Advertisement", "Share this", "Follow us",
				    "#Privacy", "Comments", "No comments",
				    "Related Articles", "Tokyo drafts",
				    "Taipei opens", "reached the end", "May 26",
				    "Highlights", "By Grace", "Ministry fines",
				    NULL };
	struct article		*a;
	size_t			 i;

	(void)state;
	a = load(FIX "chrome-a.txt");
	assert_null(a->error);
	assert_string_equal(a->title, "Ministry fines Lumen Mobile over data "
	    "transfers to overseas servers");
	assert_int_equal(a->title_derived, 0);
	assert_string_equal(a->date, "May 27, 2025, 12:00 AM");
	assert_string_equal(a->date_iso, "2025-05-27 00:00");
	assert_string_equal(a->source, "Kowloon Evening Post");
	assert_string_equal(a->author, "Grace Lau");
	assert_int_equal(a->nhighlights, 3);
	assert_string_equal(a->highlights[0], "The fine of 1.2 billion won is "
	    "the largest under the privacy law.");
	assert_string_equal(a->highlights[2], "Regulators in Tokyo and "
	    "Taipei are watching the case.");
	assert_int_equal(a->nrelated, 2);
	assert_string_equal(a->related[0], "Tokyo drafts rules on cross-border "
	    "data flows");
	assert_string_equal(a->related[1], "Taipei opens consultation on cloud "
	    "security standards");
	assert_int_equal(a->npara, 3);
	assert_true(strncmp(a->paras[0].text, "Regulators in Seoul", 19) == 0);
	assert_true(strncmp(a->paras[2].text, "Lumen Mobile said", 17) == 0);
	for (i = 0; chrome[i] != NULL; i++)
		if (in_body(a, chrome[i]))
			fail_msg("chrome in the body: %s", chrome[i]);
	assert_clean(a);
	article_free(a);
}

static void
test_raw_chrome_other_shapes(void **state)
{
	static const char	*chrome[] = { "HARBOUR", "Tech |", "min read",
				    "Read more", "Want to get", "Source:",
				    "Topics:", "Back to top", "Key points",
				    NULL };
	struct article		*a;
	size_t			 i;

	(void)state;
	a = load(FIX "chrome-b.txt");
	assert_null(a->error);
	assert_string_equal(a->title, "Chipmakers in Penang brace for a slower "
	    "second half");
	assert_string_equal(a->date, "27 May 2025");
	assert_string_equal(a->date_iso, "2025-05-27");
	assert_string_equal(a->source, "Harbour Daily");
	assert_null(a->author);
	assert_int_equal(a->nhighlights, 2);
	assert_string_equal(a->highlights[1], "Two plants have cut overtime.");
	assert_int_equal(a->nrelated, 1);
	assert_string_equal(a->related[0], "Malaysia offers grants to chip "
	    "designers");
	assert_int_equal(a->npara, 3);
	assert_string_equal(a->paras[2].text, "Executives said the slowdown "
	    "was concentrated in chips for cars and factory equipment.");
	for (i = 0; chrome[i] != NULL; i++)
		if (in_body(a, chrome[i]))
			fail_msg("chrome in the body: %s", chrome[i]);
	article_free(a);
}

/* Short body lines that mention apps, subscribers or comments, and a
 * subheading, are the article's, not chrome. */
static void
test_raw_keeps_prose(void **state)
{
	struct article	*a;

	(void)state;
	a = parse("keep.txt",
	    "Streaming services race to sign up viewers across Asia\n"
	    "June 3, 2025\n"
	    "Streaming platforms added more customers in Asia than anywhere "
	    "else in the first quarter, according to an industry survey "
	    "published on Monday.\n"
	    "Netflix added 9 million subscribers in Asia.\n"
	    "Why it matters\n"
	    "Follow the money\n"
	    "Listen\n"
	    "The app was downloaded 2 million times.\n"
	    "Readers left more comments on the survey than on any other "
	    "report this year, the publisher said in a statement.\n");
	assert_null(a->error);
	assert_string_equal(a->title, "Streaming services race to sign up "
	    "viewers across Asia");
	assert_string_equal(a->date_iso, "2025-06-03");
	assert_int_equal(a->npara, 6);
	assert_string_equal(a->paras[1].text,
	    "Netflix added 9 million subscribers in Asia.");
	assert_string_equal(a->paras[2].text, "Why it matters");
	assert_string_equal(a->paras[3].text, "Follow the money");
	assert_string_equal(a->paras[4].text,
	    "The app was downloaded 2 million times.");
	article_free(a);
}

/* A related trail among the paragraphs runs to the next paragraph; a
 * comment count early on is a button; readers' comments at the end, even
 * long ones, are not the article. */
static void
test_raw_trails(void **state)
{
	struct article	*a;

	(void)state;
	a = parse("trail.txt",
	    "Memory prices climb for a third month in a row\n"
	    "Contract prices for DRAM rose again in June as makers of servers "
	    "for artificial intelligence bought more chips than expected.\n"
	    "12 Comments\n"
	    "Prices for NAND flash, used in phones and laptops, rose more "
	    "slowly, according to a survey of distributors in Shenzhen.\n"
	    "More on this topic\n"
	    "Teaser about chip prices in the middle of the page\n"
	    "Another teaser about memory makers and their plans\n"
	    "Analysts expect prices to keep rising until at least the end of "
	    "the year, when new factories in Korea start production.\n"
	    "Comments\n"
	    "Great article, I learned a lot about the memory business from "
	    "reading it this morning on the train.\n"
	    "Posted by reader123\n");
	assert_null(a->error);
	assert_int_equal(a->npara, 3);
	assert_true(strncmp(a->paras[2].text, "Analysts expect", 15) == 0);
	assert_int_equal(a->nrelated, 2);
	assert_string_equal(a->related[1],
	    "Another teaser about memory makers and their plans");
	assert_false(in_body(a, "Great article"));
	assert_false(in_body(a, "Comments"));
	article_free(a);

	/* A note with no paragraph: its list is its own, not highlights. */
	a = parse("note.md", "# Shopping list for the lab\n\n- solder\n"
	    "- flux\n");
	assert_string_equal(a->title, "Shopping list for the lab");
	assert_int_equal(a->nhighlights, 0);
	assert_int_equal(a->npara, 2);
	article_free(a);

	/* Markdown without front matter: headings are the author's. */
	a = parse("m.md", "# Notes on the fab tour\n\n## Intro\n\nWe "
	    "visited the plant in Kumamoto on a rainy Thursday morning, and "
	    "the managers showed us the clean rooms.\n");
	assert_string_equal(a->title, "Notes on the fab tour");
	assert_int_equal(a->npara, 2);
	assert_string_equal(a->paras[0].text, "Intro");
	article_free(a);
}

/* Other page shapes: a dek under the headline, the time before the
 * date, "NAME, staff writer", a Chinese page with a breadcrumb. */
static void
test_raw_shapes(void **state)
{
	struct article	*a;

	(void)state;
	a = load(FIX "shape-dek.txt");
	assert_null(a->error);
	assert_string_equal(a->title,
	    "Alibaba unveils new AI model as competition heats up");
	assert_string_equal(a->date, "Published: 9:00pm, 27 May 2025");
	assert_string_equal(a->date_iso, "2025-05-27 21:00");
	assert_int_equal(a->npara, 3);
	assert_string_equal(a->paras[0].text, "Alibaba's Qwen team says the "
	    "model beats rivals on coding tasks");
	assert_false(in_body(a, "Updated"));
	assert_false(in_body(a, "trust"));
	assert_false(in_body(a, "Reading Time"));
	article_free(a);

	a = load(FIX "shape-role.txt");
	assert_string_equal(a->title,
	    "TSMC to build third Japan plant, sources say");
	assert_string_equal(a->author, "KENJI SATO");
	assert_string_equal(a->date_iso, "2025-05-27 13:42");
	assert_false(in_body(a, "staff writer"));
	assert_false(in_body(a, "Semiconductors"));
	article_free(a);

	a = load(FIX "shape-zh.txt");
	assert_string_equal(a->title,
	    "台積電擬赴美加碼投資 魏哲家：不影響台灣布局");
	assert_string_equal(a->date_iso, "2025-03-04 08:15");
	assert_int_equal(a->npara, 2);
	assert_int_equal(a->nrelated, 1);
	assert_string_equal(a->related[0], "台積電第一季獲利創同期新高");
	assert_false(in_body(a, "首頁"));
	article_free(a);

	/* A site name long enough to pass for a headline is known by the
	 * source line that names the same publisher. */
	a = parse("pub.txt", "Harbour Tech Review Online Edition\n"
	    "Vietnam approves its first chip fabrication plant\n"
	    "The plant, to be built near Hanoi by a state-owned group, will "
	    "make chips for the military and for industry from 2027.\n"
	    "Source: Harbour Tech Review\n");
	assert_string_equal(a->title,
	    "Vietnam approves its first chip fabrication plant");
	assert_string_equal(a->source, "Harbour Tech Review");
	assert_int_equal(a->npara, 1);
	article_free(a);

	/* A headline naming a reporter is still a headline. */
	a = parse("r.txt", "Reporter detained in Hong Kong over protest "
	    "coverage\nThe reporter, who works for a local news website, was "
	    "detained on Monday and released on bail the next day.\n");
	assert_string_equal(a->title,
	    "Reporter detained in Hong Kong over protest coverage");
	assert_int_equal(a->title_derived, 0);
	assert_null(a->author);
	article_free(a);
}

static void
test_raw_cjk(void **state)
{
	struct article	*a;

	(void)state;
	a = load("articles/rapidus-chitose-pilot-ja.txt");
	assert_null(a->error);
	assert_string_equal(a->title, "ラピダス、千歳で2ナノ試作ライン稼働　"
	    "量産へ最初の関門");
	assert_string_equal(a->date_iso, "2025-04-01 10:00");
	assert_string_equal(a->source, "北海道テック新報");
	assert_int_equal(a->nrelated, 2);
	assert_int_equal(a->npara, 7);
	assert_false(in_body(a, "#"));
	assert_false(in_body(a, "コメント（0）"));
	assert_false(in_body(a, "アプリで"));
	article_free(a);
}

static void
test_front_matter(void **state)
{
	struct article	*a;

	(void)state;
	a = load(FIX "front-matter.md");
	assert_null(a->error);
	assert_string_equal(a->title, "Front matter: every key");
	assert_int_equal(a->title_derived, 0);
	assert_string_equal(a->source, "Test Wire");
	assert_string_equal(a->date, "May 27, 2025, 9:15 PM");
	assert_string_equal(a->date_iso, "2025-05-27 21:15");
	assert_string_equal(a->url, "https://example.org/a");
	assert_string_equal(a->author, "Jane Roe");
	assert_string_equal(a->lang, "en");
	assert_int_equal(a->ntags, 2);
	assert_string_equal(a->tags[0], "chips");
	assert_string_equal(a->tags[1], "export controls");
	assert_int_equal(a->nhighlights, 2);
	assert_string_equal(a->highlights[1], "Second highlight.");
	assert_int_equal(a->nrelated, 0);
	/* A heading that is not the title stays; lines join into
	 * paragraphs, without a space between CJK characters but with one
	 * between Hangul words; list items stand alone. */
	assert_int_equal(a->npara, 6);
	assert_string_equal(a->paras[0].text, "A heading that is not the title");
	assert_string_equal(a->paras[1].text,
	    "The first paragraph is written over three lines in the file.");
	assert_string_equal(a->paras[2].text, "第一段中文寫在兩行之間。");
	assert_string_equal(a->paras[3].text, "한국어 문장은 공백으로 잇는다.");
	assert_string_equal(a->paras[4].text, "- a list item");
	assert_string_equal(a->paras[5].text, "- another item");
	article_free(a);

	/* Tags on one line; a heading that repeats the title goes. */
	a = parse("t.md", "---\ntags: a, b ,c\ntitle: Same title here\n---\n"
	    "# Same title\n\nBody.\n");
	assert_null(a->error);
	assert_int_equal(a->ntags, 3);
	assert_string_equal(a->tags[1], "b");
	assert_int_equal(a->npara, 1);
	assert_string_equal(a->paras[0].text, "Body.");
	article_free(a);

	/* Block scalars: one line, trimmed. */
	a = parse("b.md", "---\ntitle: |\n  Two\n  lines\nsource: >\n  "
	    "Folded\n---\n");
	assert_string_equal(a->title, "Two lines");
	assert_string_equal(a->source, "Folded");
	article_free(a);

	/* No title in the front matter: the first heading is it. */
	a = parse("t.md", "---\nlang: ja\n---\n# 見出し\n本文。\n");
	assert_string_equal(a->title, "見出し");
	assert_int_equal(a->npara, 1);
	article_free(a);
}

static void
test_front_matter_broken(void **state)
{
	struct article	*a;

	(void)state;
	a = load(FIX "broken-front-matter.md");
	assert_string_equal(a->error, FIX "broken-front-matter.md:3:13: "
	    "mapping values are not allowed in this context");
	/* Keys above the error's line are kept, the body is shown. */
	assert_string_equal(a->title, "Broken front matter");
	assert_null(a->author);
	assert_int_equal(a->npara, 1);
	assert_string_equal(a->paras[0].text, "The body is still shown.");
	article_free(a);
}

static void
test_front_matter_limits(void **state)
{
	struct article	*a;
	struct buf	 b = { 0 };
	int		 i;

	(void)state;
	a = parse("open.md", "---\ntitle: never closed\n\nSome text.\n");
	assert_string_equal(a->error, "open.md:1:1: front matter is not "
	    "closed (no \"---\" line after it)");
	assert_true(in_body(a, "Some text."));
	article_free(a);

	a = parse("type.md", "---\ntitle: [a, b]\nauthor: X\n---\nBody.\n");
	assert_string_equal(a->error, "type.md:2:8: title: expected text");
	assert_string_equal(a->author, "X");
	assert_string_equal(a->title, "Body");
	assert_int_equal(a->title_derived, 1);
	article_free(a);

	a = parse("list.md", "---\n- a\n- b\n---\nBody.\n");
	assert_string_equal(a->error,
	    "list.md:2:1: front matter is not a mapping of keys");
	article_free(a);

	a = parse("ctl.md", "---\ntitle: a\001b\n---\nBody.\n");
	assert_string_equal(a->error,
	    "ctl.md:2:9: control characters are not allowed");
	article_free(a);

	buf_adds(&b, "---\nx: ");
	for (i = 0; i < 100; i++)
		buf_addc(&b, '[');
	buf_adds(&b, "\n---\nBody.\n");
	a = article_parse("deep.md", b.data, b.len);
	assert_string_equal(a->error,
	    "deep.md:2:35: front matter nested too deeply");
	assert_int_equal(a->npara, 1);
	article_free(a);
	buf_free(&b);

	buf_adds(&b, "---\n");
	for (i = 0; i < 30000; i++)
		buf_addf(&b, "k%d: value\n", i);
	buf_adds(&b, "---\nBody.\n");
	a = article_parse("big.md", b.data, b.len);
	assert_non_null(strstr(a->error, "front matter larger than 256 KB"));
	article_free(a);
	buf_free(&b);

	/* Empty front matter and unknown keys of every shape are fine. */
	a = parse("e.md", "---\n---\nBody.\n");
	assert_null(a->error);
	article_free(a);
	a = parse("u.md", "---\nx: &a {b: [c, *a]}\ny: *a\ntitle: T\n---\n");
	assert_null(a->error);
	assert_string_equal(a->title, "T");
	article_free(a);
}

static void
test_empty(void **state)
{
	struct article	*a;

	(void)state;
	a = load(FIX "empty.txt");
	assert_null(a->error);
	assert_string_equal(a->title, "");
	assert_int_equal(a->npara, 0);
	assert_int_equal(a->nhighlights, 0);
	article_free(a);
	a = parse("blank.md", " \n\n\t\n");
	assert_string_equal(a->title, "");
	assert_int_equal(a->npara, 0);
	article_free(a);
}

static void
test_binary(void **state)
{
	static const char	 elf[] = "\177ELF\002\001\001\000\000\000text";
	char			 ctl[400], *path, *cause = NULL, *want;
	size_t			 i;

	(void)state;
	path = temp_file(".txt", elf, sizeof elf);
	assert_null(article_load(path, &cause));
	want = xasprintf("%s: binary file, not an article", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	unlink(path);
	free(path);

	/* No NUL, but a fifth of the bytes are control characters. */
	for (i = 0; i < sizeof ctl; i++)
		ctl[i] = i % 5 == 0 ? '\002' : 'a';
	path = temp_file(".txt", ctl, sizeof ctl);
	assert_null(article_load(path, &cause));
	assert_non_null(strstr(cause, "binary file"));
	free(cause);
	unlink(path);
	free(path);

	/* Above the size limit: refused before it is read. */
	path = temp_file(".txt", "x", 1);
	assert_int_equal(truncate(path, 65 * 1024 * 1024), 0);
	assert_null(article_load(path, &cause));
	assert_non_null(strstr(cause, "too large"));
	free(cause);
	unlink(path);
	free(path);

	assert_null(article_load("/nonexistent/a.txt", &cause));
	assert_non_null(strstr(cause, "/nonexistent/a.txt"));
	free(cause);
}

static void
test_invalid_utf8(void **state)
{
	static const char	 s[] = "A headline for the bad bytes test\n"
				    "台灣 bad \xff\xfe byte, in a line long enough to "
				    "be a paragraph of the body text.\n";
	char			*path, *want;
	struct article		*a;

	(void)state;
	path = temp_file(".txt", s, sizeof s - 1);
	a = load(path);
	want = xasprintf("%s:2:8: invalid UTF-8", path);
	assert_string_equal(a->error, want);
	assert_string_equal(a->title, "A headline for the bad bytes test");
	assert_int_equal(a->npara, 1);
	assert_non_null(strstr(a->paras[0].text,
	    "bad \xEF\xBF\xBD\xEF\xBF\xBD byte"));
	assert_clean(a);
	article_free(a);
	unlink(path);
	free(path);
	free(want);

	/* The line counts CR LF once; a bad byte in front matter too. */
	a = parse("x.md", "---\r\ntitle: ok\r\nauthor: J\xc3\r\n---\r\nBody.\r\n");
	assert_string_equal(a->error, "x.md:3:10: invalid UTF-8");
	assert_string_equal(a->author, "J\xEF\xBF\xBD");
	article_free(a);
}

static void
test_crlf(void **state)
{
	struct article	*a;

	(void)state;
	a = parse("crlf.md", "---\r\ntitle: CRLF file\r\ntags: [x]\r\n---\r\n"
	    "\r\nOne paragraph\r\non two lines.\r\n\r\nAnother.\r\n");
	assert_null(a->error);
	assert_string_equal(a->title, "CRLF file");
	assert_int_equal(a->npara, 2);
	assert_string_equal(a->paras[0].text, "One paragraph on two lines.");
	assert_clean(a);
	article_free(a);

	a = parse("crlf.txt", "logo\r\nCRLF headline about a chip plant in "
	    "Kumamoto\r\nMay 2, 2025\r\nThe plant opened on Friday after two "
	    "years of building work and will employ 1,700 people.\r\n");
	assert_string_equal(a->title,
	    "CRLF headline about a chip plant in Kumamoto");
	assert_string_equal(a->date, "May 2, 2025");
	assert_int_equal(a->npara, 1);
	assert_clean(a);
	article_free(a);
}

static void
test_derived_title(void **state)
{
	struct article	*a;

	(void)state;
	a = load(FIX "headless.txt");
	assert_null(a->error);
	assert_int_equal(a->title_derived, 1);
	assert_string_equal(a->title, "Shipments of foldable phones rose 40 "
	    "percent in the first quarter, led by strong\xE2\x80\xA6");
	assert_int_equal(a->npara, 2);
	article_free(a);

	a = parse("s.txt", "The U.S. and Japan agreed on Monday to share "
	    "chip export data with each other. Talks continue in May.\n");
	assert_string_equal(a->title, "The U.S. and Japan agreed on Monday to "
	    "share chip export data with each other");
	article_free(a);

	a = parse("z.txt", "台積電周四公布財報，第二季獲利創新高，超出市場"
	    "預期甚多。法人看好下半年。\n");
	assert_string_equal(a->title,
	    "台積電周四公布財報，第二季獲利創新高，超出市場預期甚多");
	assert_int_equal(a->title_derived, 1);
	article_free(a);
}

static void
test_controls_neutralised(void **state)
{
	struct article	*a;

	(void)state;
	a = parse("esc.txt", "Headline with \033[2J an escape sequence\n"
	    "A paragraph that tries to \033]0;title\007 set the terminal "
	    "title, which the reader must never let it do.\n");
	assert_null(strchr(a->title, '\033'));
	assert_null(strchr(a->paras[0].text, '\007'));
	assert_clean(a);
	article_free(a);

	/* The error message quotes the path, which may hold anything. */
	a = parse("bad\033[31mname.txt", "\xff\n");
	assert_non_null(a->error);
	assert_null(strchr(a->error, '\033'));
	assert_non_null(strstr(a->error, ":1:1: invalid UTF-8"));
	assert_string_equal(a->path, "bad\033[31mname.txt");
	article_free(a);
}

static void
test_dates(void **state)
{
	static const struct {
		const char	*in, *iso;
	} t[] = {
		{ "May 27, 2025, 12:00 AM", "2025-05-27 00:00" },
		{ "Published: May 27, 2025 at 12:30 p.m.", "2025-05-27 12:30" },
		{ "Sept. 3, 2024 3:30 PM", "2024-09-03 15:30" },
		{ "2025-05-27", "2025-05-27" },
		{ "2025-05-27T09:30:00+08:00", "2025-05-27 09:30" },
		{ "2025/5/7 18:05", "2025-05-07 18:05" },
		{ "27 May 2025", "2025-05-27" },
		{ "Tuesday 28 January 2025", "2025-01-28" },
		{ "2025年4月1日（火）10:00", "2025-04-01 10:00" },
		{ "2025년 5월 27일 오후", "2025-05-27" },
		{ "February 29, 2024", "2024-02-29" },
		{ "February 29, 2025", "" },
		{ "May 27", "" },
		{ "no date here", "" },
	};
	char	 iso[17];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		memset(iso, 'x', sizeof iso);
		assert_int_equal(article_parse_date(t[i].in, iso),
		    *t[i].iso != '\0' ? 0 : -1);
		if (strcmp(iso, t[i].iso) != 0)
			fail_msg("%s: got %s, want %s", t[i].in, iso, t[i].iso);
	}
}

/* Every sample article parses cleanly, with its own title and a body. */
static void
test_library(void **state)
{
	DIR		*d;
	struct dirent	*e;
	struct article	*a;
	char		*path;
	size_t		 n = 0, i, len;

	(void)state;
	assert_non_null(d = opendir("articles"));
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 4 || (strcmp(e->d_name + len - 3, ".md") != 0 &&
		    strcmp(e->d_name + len - 4, ".txt") != 0))
			continue;
		path = util_path_join("articles", e->d_name);
		a = load(path);
		if (a->error != NULL)
			fail_msg("%s", a->error);
		assert_true(*a->title != '\0');
		assert_int_equal(a->title_derived, 0);
		assert_true(a->npara >= 5);
		assert_true(a->date_iso[0] != '\0');
		assert_non_null(a->source);
		assert_false(in_body(a, a->title));
		for (i = 0; i < a->nrelated; i++)
			assert_false(in_body(a, a->related[i]));
		assert_clean(a);
		article_free(a);
		free(path);
		n++;
	}
	closedir(d);
	assert_true(n >= 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_raw_chrome),
		cmocka_unit_test(test_raw_chrome_other_shapes),
		cmocka_unit_test(test_raw_keeps_prose),
		cmocka_unit_test(test_raw_trails),
		cmocka_unit_test(test_raw_shapes),
		cmocka_unit_test(test_raw_cjk),
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_front_matter_broken),
		cmocka_unit_test(test_front_matter_limits),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_derived_title),
		cmocka_unit_test(test_controls_neutralised),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_library),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
