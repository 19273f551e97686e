/* Tests for store: the state files' format, round trips, hand-edited
 * files, broken files, identity across renames, tag filters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inkstone/store.h"
#include "inkstone/util.h"

/* String literals where the API's structs hold char *. */
#define S(x) ((char *)(uintptr_t)(x))

struct env {
	char	 dir[64];
	char	*data;
	char	*lib;
};

static void
rm_rf(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	if (system(cmd) != 0)
		fail_msg("cannot remove %s", dir);
	free(cmd);
}

static int
setup(void **state)
{
	struct env *e = xcalloc(1, sizeof *e);

	strcpy(e->dir, "/tmp/inkstone-store-XXXXXX");
	if (mkdtemp(e->dir) == NULL)
		return -1;
	e->data = util_path_join(e->dir, "data");
	e->lib = util_path_join(e->dir, "lib");
	util_mkdirs(e->lib, 0700);
	*state = e;
	return 0;
}

static int
teardown(void **state)
{
	struct env *e = *state;

	rm_rf(e->dir);
	free(e->data);
	free(e->lib);
	free(e);
	return 0;
}

static void
put(const char *path, const char *text)
{
	char *cause = NULL;

	if (util_write_atomic(path, text, strlen(text), &cause) == -1)
		fail_msg("%s", cause);
}

static char *
slurp(const char *path)
{
	char	*cause = NULL, *s;
	size_t	 len;

	s = util_read_file(path, 0, &len, &cause);
	if (s == NULL)
		fail_msg("%s", cause);
	return s;
}

/* Writes an article into the library and returns its identity. */
static void
article(struct store *s, struct env *e, const char *name, const char *text,
    struct store_article *a)
{
	char *p = util_path_join(e->lib, name), *cause = NULL, *d;

	d = xstrdup(p);
	*strrchr(d, '/') = '\0';
	util_mkdirs(d, 0700);
	free(d);
	put(p, text);
	if (store_article_init(s, p, a, &cause) == -1)
		fail_msg("%s", cause);
	free(p);
}

static struct store *
open_store(struct env *e)
{
	char		*cause = NULL;
	struct store	*s = store_open(e->data, e->lib, &cause);

	if (s == NULL)
		fail_msg("%s", cause);
	return s;
}

static void
close_store(struct store *s)
{
	char *cause = NULL;

	if (store_close(s, &cause) == -1)
		fail_msg("%s", cause);
}

static void
test_hash(void **state)
{
	(void)state;
	/* FNV-1a 64 reference values. */
	assert_true(store_hash("", 0) == 0xcbf29ce484222325ULL);
	assert_true(store_hash("a", 1) == 0xaf63dc4c8601ec8cULL);
	assert_true(store_hash("foobar", 6) == 0x85944171f73967e8ULL);
}

static void
test_round_trip(void **state)
{
	struct env		*e = *state;
	struct store		*s;
	struct store_article	 a, b;
	struct store_state	 st;
	struct store_highlight	 h = { .quote = S("chips act"),
				    .before = S("the "), .after = S(" passed"),
				    .para = 2, .offset = 4,
				    .note = S("see 華為") };
	char			 id[STORE_ID_LEN + 1], *cause = NULL;
	char			*t1, *h1, *t2, *h2;
	char			*changes[] = { S("+policy"), S("+ai"),
				    S("-ai"), S("+東亜") };

	s = open_store(e);
	article(s, e, "a.txt", "Alpha\n", &a);
	article(s, e, "sub/b.txt", "Beta\n", &b);
	assert_string_equal(a.key, "a.txt");
	assert_string_equal(b.key, "sub/b.txt");
	assert_int_equal(store_tag_add(s, &a, "ai", &cause), 0);
	assert_int_equal(store_tag_add(s, &a, "true", &cause), 0);
	assert_int_equal(store_tag_apply(s, &b, changes, 4, &cause), 0);
	assert_int_equal(store_read_toggle(s, &b, &cause), 0);
	assert_int_equal(store_highlight_add(s, &a, &h, id, &cause), 0);
	assert_int_equal(strlen(id), STORE_ID_LEN);
	assert_int_equal(store_highlight_note(s, &a, id, "line one\nline two",
	    &cause), 0);
	close_store(s);

	t1 = slurp(store_path(s = open_store(e), STORE_TAGS));
	h1 = slurp(store_path(s, STORE_HIGHLIGHTS));
	/* Plain UTF-8, no escapes, values that look typed quoted. */
	assert_non_null(strstr(t1, "東亜"));
	assert_non_null(strstr(t1, "'true'"));
	assert_null(strchr(t1, '\\'));
	assert_null(strchr(h1, '\\'));
	assert_non_null(strstr(h1, "    note: |-\n      line one\n      line two\n"));
	assert_non_null(strstr(h1, "quote: chips act\n"));
	store_get(s, &b, &st);
	assert_int_equal(st.ntags, 2);
	assert_string_equal(st.tags[0], "policy");
	assert_string_equal(st.tags[1], "東亜");
	assert_true(st.read);
	store_get(s, &a, &st);
	assert_int_equal(st.ntags, 2);
	assert_false(st.read);
	assert_int_equal(st.nhl, 1);
	assert_string_equal(st.hl[0].quote, "chips act");
	assert_string_equal(st.hl[0].before, "the ");
	assert_string_equal(st.hl[0].note, "line one\nline two");
	assert_int_equal(st.hl[0].para, 2);
	assert_true(st.hl[0].created > 0);
	assert_string_equal(st.hl[0].id, id);
	/* Same state, byte-identical files: a save rewrites them exactly. */
	assert_int_equal(store_tag_add(s, &a, "zz", &cause), 0);
	assert_int_equal(store_tag_remove(s, &a, "zz", &cause), 0);
	assert_int_equal(store_highlight_note(s, &a, id, "x", &cause), 0);
	assert_int_equal(store_highlight_note(s, &a, id, "line one\nline two",
	    &cause), 0);
	t2 = slurp(store_path(s, STORE_TAGS));
	h2 = slurp(store_path(s, STORE_HIGHLIGHTS));
	assert_string_equal(t1, t2);
	assert_string_equal(h1, h2);
	free(t2);
	free(h2);
	/* Deleting the only highlight drops the article from the file. */
	assert_int_equal(store_highlight_delete(s, &a, id, &cause), 0);
	h2 = slurp(store_path(s, STORE_HIGHLIGHTS));
	assert_string_equal(h2, "");
	free(h2);
	close_store(s);
	free(t1);
	free(h1);
	store_article_free(&a);
	store_article_free(&b);
}

static void
test_hand_edited(void **state)
{
	struct env		*e = *state;
	struct store		*s;
	struct store_state	 st;
	char			*tags, *t, *cause = NULL;

	util_mkdirs(e->data, 0700);
	tags = util_path_join(e->data, "tags.yaml");
	/* Flow style, comments, odd order, an unknown key, quoted keys. */
	put(tags, "# my tags\n"
	    "{\"z.txt\": {tags: [b, a, b], future: {x: [1, 2]}},\n"
	    " 'a.txt': {read: yes, hash: 00ff}}  # end\n");
	s = open_store(e);
	assert_null(store_problem(s, STORE_TAGS));
	store_get_key(s, "z.txt", &st);
	assert_int_equal(st.ntags, 2);
	assert_string_equal(st.tags[0], "a");
	store_get_key(s, "a.txt", &st);
	assert_true(st.read);
	assert_int_equal(store_flush(s, &cause), 0);
	close_store(s);
	/* Nothing pending: the file is untouched until a change. */
	t = slurp(tags);
	assert_non_null(strstr(t, "# my tags"));
	free(t);
	s = open_store(e);
	{
		struct store_article a = { S("new.txt"), 7 };

		assert_int_equal(store_tag_add(s, &a, "new", &cause), 0);
	}
	close_store(s);
	t = slurp(tags);
	assert_string_equal(t,
	    "a.txt:\n"
	    "  hash: 00000000000000ff\n"
	    "  read: true\n"
	    "new.txt:\n"
	    "  hash: '0000000000000007'\n"
	    "  tags: [new]\n"
	    "z.txt:\n"
	    "  tags: [a, b]\n"
	    "  future:\n"
	    "    x:\n"
	    "    - 1\n"
	    "    - 2\n");
	free(t);
	free(tags);
}

static void
test_broken_file(void **state)
{
	struct env		*e = *state;
	struct store		*s;
	struct store_article	 a = { S("x.txt"), 1 };
	const char		*bad = "x.txt:\n  tags: [a, b\n  read: true\n";
	char			*tags, *t, *cause = NULL;

	util_mkdirs(e->data, 0700);
	tags = util_path_join(e->data, "tags.yaml");
	put(tags, bad);
	s = open_store(e);
	assert_non_null(store_problem(s, STORE_TAGS));
	/* file:line:col: message */
	assert_non_null(strstr(store_problem(s, STORE_TAGS), "tags.yaml:3:"));
	assert_int_equal(store_tag_add(s, &a, "t", &cause), -1);
	assert_non_null(strstr(cause, "read-only"));
	free(cause);
	/* The other file still works. */
	assert_null(store_problem(s, STORE_HIGHLIGHTS));
	close_store(s);
	t = slurp(tags);
	assert_string_equal(t, bad);
	free(t);
	/* Fixed by hand while the store is open: writable again. */
	s = open_store(e);
	assert_non_null(store_problem(s, STORE_TAGS));
	put(tags, "x.txt:\n  tags: [a, b]\n");
	assert_int_equal(store_tag_add(s, &a, "c", &cause), 0);
	assert_null(store_problem(s, STORE_TAGS));
	close_store(s);
	t = slurp(tags);
	assert_string_equal(t, "x.txt:\n  hash: '0000000000000001'\n"
	    "  tags: [a, b, c]\n");
	free(t);
	/* Schema errors are positioned too, and store_check_file says the
	 * same without a store. */
	put(tags, "x.txt:\n  tags: {a: 1}\n");
	assert_int_equal(store_check_file(tags, STORE_TAGS, &cause), -1);
	assert_non_null(strstr(cause, "tags.yaml:2:9: tags: expected a list"));
	free(cause);
	assert_int_equal(store_check_file(tags, STORE_HIGHLIGHTS, &cause), 0);
	s = open_store(e);
	assert_non_null(strstr(store_problem(s, STORE_TAGS),
	    "tags.yaml:2:9: tags: expected a list"));
	close_store(s);
	/* Deep nesting is refused at the limit, quickly. */
	{
		struct buf b = { 0 };
		int i;

		for (i = 0; i < 100000; i++)
			buf_addc(&b, '[');
		put(tags, b.data);
		buf_free(&b);
	}
	s = open_store(e);
	assert_non_null(strstr(store_problem(s, STORE_TAGS), "nested"));
	close_store(s);
	/* Too large: refused before reading. */
	{
		int fd = open(tags, O_WRONLY | O_TRUNC);

		assert_true(fd != -1);
		assert_int_equal(ftruncate(fd, STORE_MAX_FILE + 1), 0);
		close(fd);
	}
	s = open_store(e);
	assert_non_null(strstr(store_problem(s, STORE_TAGS), "too large"));
	close_store(s);
	/* Leftover temp files of a killed instance are removed. */
	t = xasprintf("%s.tmp.AbC123", tags);
	put(t, "partial");
	close_store(open_store(e));
	assert_int_equal(access(t, F_OK), -1);
	free(t);
	/* Aliases are refused (no billion laughs). */
	put(tags, "x.txt: &a {tags: [a]}\ny.txt: *a\n");
	s = open_store(e);
	assert_non_null(strstr(store_problem(s, STORE_TAGS), "aliases"));
	close_store(s);
	free(tags);
}

/* A highlight's created time is read only in the years the store can
 * write back: 1773709554736 (milliseconds taken for seconds) was read as
 * the year 58176, written as such and then refused on the next start
 * (found by fuzz_store). */
static void
test_created_range(void **state)
{
	static const struct {
		const char	*created;
		int		 ok;
	} cases[] = {
		{ "1773709554736", 0 },
		{ "253402300800", 0 },
		{ "18446744073709551615", 0 },
		{ "10000-01-01", 0 },
		{ "9999-12-31T23:59:60Z", 0 },
		{ "-999-01-01", 0 },
		{ "253402300799", 1 },
		{ "9999-12-31T23:59:59Z", 1 },
		{ "0000-01-01", 1 },
		{ "1773709554", 1 },
		{ "2026-02-30", 1 },
		{ "~", 1 },
	};
	struct env	*e = *state;
	char		*hl, *text, *cause;
	size_t		 i;

	util_mkdirs(e->data, 0700);
	hl = util_path_join(e->data, "highlights.yaml");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		text = xasprintf("b.txt:\n  highlights:\n"
		    "  - {quote: y, created: %s}\n", cases[i].created);
		put(hl, text);
		free(text);
		cause = NULL;
		if (store_check_file(hl, STORE_HIGHLIGHTS, &cause) !=
		    (cases[i].ok ? 0 : -1))
			fail_msg("created: %s: %s", cases[i].created,
			    cause != NULL ? cause : "accepted");
		if (!cases[i].ok &&
		    strstr(cause, "highlights.yaml:3:") == NULL)
			fail_msg("created: %s: %s", cases[i].created, cause);
		free(cause);
	}
	free(hl);
}

static void
test_follow_rename(void **state)
{
	struct env		*e = *state;
	struct store		*s;
	struct store_article	 a, b;
	struct store_state	 st;
	char			*p1, *p2, *cause = NULL, *t;

	s = open_store(e);
	article(s, e, "old.txt", "Some article text\n", &a);
	assert_int_equal(store_tag_add(s, &a, "keep", &cause), 0);
	close_store(s);
	p1 = util_path_join(e->lib, "old.txt");
	p2 = util_path_join(e->lib, "moved/new.txt");
	util_mkdirs(p2, 0700);
	rmdir(p2);
	assert_int_equal(rename(p1, p2), 0);
	s = open_store(e);
	if (store_article_init(s, p2, &b, &cause) == -1)
		fail_msg("%s", cause);
	assert_string_equal(b.key, "moved/new.txt");
	store_get(s, &b, &st);
	assert_int_equal(st.ntags, 1);
	assert_string_equal(st.tags[0], "keep");
	close_store(s);
	t = slurp(store_path(s = open_store(e), STORE_TAGS));
	assert_non_null(strstr(t, "moved/new.txt:"));
	assert_null(strstr(t, "old.txt"));
	free(t);
	/* Edited, then moved: the entry learnt the new hash when it was
	 * looked up after the edit, so it still follows. */
	{
		struct store_article	 c1, c2;
		struct store_state	 cst;
		char			*e1 = util_path_join(e->lib, "ed.txt");
		char			*e2 = util_path_join(e->lib, "ed2.txt");

		put(e1, "first version");
		assert_int_equal(store_article_init(s, e1, &c1, &cause), 0);
		assert_int_equal(store_tag_add(s, &c1, "ed", &cause), 0);
		store_article_free(&c1);
		put(e1, "second version");
		assert_int_equal(store_article_init(s, e1, &c1, &cause), 0);
		store_get(s, &c1, &cst);
		assert_int_equal(cst.ntags, 1);
		assert_int_equal(store_flush(s, &cause), 0);
		assert_int_equal(rename(e1, e2), 0);
		assert_int_equal(store_article_init(s, e2, &c2, &cause), 0);
		store_get(s, &c2, &cst);
		assert_int_equal(cst.ntags, 1);
		store_article_free(&c1);
		store_article_free(&c2);
		free(e1);
		free(e2);
	}
	/* A file name that is not UTF-8 cannot be keyed; one with a newline
	 * can, and reads back. */
	{
		struct store_article	 o;
		struct store_state	 ost;
		char			*odd = util_path_join(e->lib,
					    "caf\xe9.txt");

		put(odd, "z");
		assert_int_equal(store_article_init(s, odd, &o, &cause), -1);
		assert_non_null(strstr(cause, "not valid UTF-8"));
		free(cause);
		free(odd);
		odd = util_path_join(e->lib, "two\nlines.txt");
		put(odd, "w");
		assert_int_equal(store_article_init(s, odd, &o, &cause), 0);
		assert_int_equal(store_tag_add(s, &o, "odd", &cause), 0);
		close_store(s);
		s = open_store(e);
		store_get(s, &o, &ost);
		assert_int_equal(ost.ntags, 1);
		store_article_free(&o);
		free(odd);
	}
	/* A file outside the library is keyed by its absolute path. */
	{
		struct store_article o;

		put(p1, "x");
		free(p2);
		p2 = util_path_join(e->dir, "outside.txt");
		put(p2, "y");
		assert_int_equal(store_article_init(s, p2, &o, &cause), 0);
		assert_int_equal(o.key[0], '/');
		assert_non_null(strstr(o.key, "outside.txt"));
		store_article_free(&o);
	}
	close_store(s);
	free(p1);
	free(p2);
	store_article_free(&a);
	store_article_free(&b);
}

static void
test_tags_api(void **state)
{
	struct env		*e = *state;
	struct store		*s;
	struct store_article	 a = { S("a"), 1 }, b = { S("b"), 2 };
	struct store_tag_count	*c;
	struct store_state	 st;
	struct store_filter	*f;
	char			*cause = NULL;
	size_t			 n;

	s = open_store(e);
	assert_int_equal(store_tag_add(s, &a, "ai", &cause), 0);
	assert_int_equal(store_tag_add(s, &a, "policy", &cause), 0);
	assert_int_equal(store_tag_add(s, &b, "ai", &cause), 0);
	n = store_tag_counts(s, &c);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].tag, "ai");
	assert_int_equal(c[0].count, 2);
	assert_int_equal(c[1].count, 1);
	free(c);
	assert_int_equal(store_tag_rename(s, "ai", "ai", &cause), 0);
	store_get(s, &b, &st);
	assert_int_equal(st.ntags, 1);
	assert_int_equal(store_tag_rename(s, "ai", "ml", &cause), 2);
	store_get(s, &a, &st);
	assert_int_equal(st.ntags, 2);
	assert_string_equal(st.tags[0], "ml");
	/* Bad tags are refused. */
	assert_int_equal(store_tag_add(s, &a, "two words", &cause), -1);
	free(cause);
	assert_int_equal(store_tag_add(s, &a, "-x", &cause), -1);
	free(cause);
	assert_int_equal(store_tag_add(s, &a, "untagged", &cause), -1);
	free(cause);
	assert_int_equal(store_tag_add(s, &a, "a\033[1m", &cause), -1);
	free(cause);
	assert_int_equal(store_tag_add(s, &a, "全角\xe3\x80\x80空白", &cause),
	    -1);
	free(cause);
	/* Filters. */
	f = store_filter_parse("+ml -policy", &cause);
	assert_non_null(f);
	store_get(s, &a, &st);
	assert_false(store_filter_match(f, st.tags, st.ntags));
	store_get(s, &b, &st);
	assert_true(store_filter_match(f, st.tags, st.ntags));
	store_filter_free(f);
	f = store_filter_parse("untagged", &cause);
	assert_false(store_filter_match(f, st.tags, st.ntags));
	assert_true(store_filter_match(f, NULL, 0));
	store_filter_free(f);
	f = store_filter_parse("ml", &cause);
	assert_true(store_filter_match(f, st.tags, st.ntags));
	store_filter_free(f);
	assert_null(store_filter_parse("+a +", &cause));
	free(cause);
	close_store(s);
}

/* The filter for one tag takes the name as it is: blanks, signs and
 * "untagged" are part of it, where an expression splits or reads them. */
static void
test_filter_tag(void **state)
{
	static const char *const names[] = {
		"machine learning", "untagged", "-x", "+y", "odd\001tag", "ml"
	};
	char			*one[1], *two[] = { S("machine"), S("learning") };
	char			*rest[] = { S("machine learning"), S("learning") };
	struct store_filter	*f;
	size_t			 i, j;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		f = store_filter_tag(names[i]);
		one[0] = S(names[i]);
		assert_true(store_filter_match(f, one, 1));
		assert_false(store_filter_match(f, NULL, 0));
		for (j = 0; j < sizeof names / sizeof names[0]; j++) {
			one[0] = S(names[j]);
			assert_int_equal(store_filter_match(f, one, 1), i == j);
		}
		store_filter_free(f);
	}
	f = store_filter_tag("machine learning");
	assert_false(store_filter_match(f, two, 2));
	assert_true(store_filter_match(f, rest, 2));
	store_filter_free(f);
}

static void
test_two_instances(void **state)
{
	struct env		*e = *state;
	struct store		*s1, *s2;
	struct store_article	 a = { S("a.txt"), 0 };
	struct store_highlight	 h = { .quote = S("one"), .before = S(""),
				    .after = S("") };
	struct store_state	 st;
	char			 id[STORE_ID_LEN + 1], *cause = NULL;

	s1 = open_store(e);
	s2 = open_store(e);
	/* Each saves over a file the other wrote since it last looked. */
	assert_int_equal(store_tag_add(s1, &a, "x", &cause), 0);
	assert_int_equal(store_tag_add(s2, &a, "y", &cause), 0);
	assert_int_equal(store_highlight_add(s1, &a, &h, id, &cause), 0);
	assert_int_equal(store_highlight_note(s2, &a, id, "seen", &cause), 0);
	assert_int_equal(store_tag_remove(s1, &a, "y", &cause), 0);
	assert_int_equal(store_tag_add(s2, &a, "z", &cause), 0);
	store_get(s2, &a, &st);
	assert_int_equal(st.ntags, 2);
	assert_string_equal(st.tags[0], "x");
	assert_string_equal(st.tags[1], "z");
	assert_int_equal(st.nhl, 1);
	assert_string_equal(st.hl[0].note, "seen");
	close_store(s1);
	close_store(s2);
	s1 = open_store(e);
	store_get(s1, &a, &st);
	assert_int_equal(st.ntags, 2);
	assert_string_equal(st.hl[0].note, "seen");
	close_store(s1);
}

static void
test_unwritable_folder(void **state)
{
	struct env		*e = *state;
	struct store		*s;
	struct store_article	 a = { S("a.txt"), 0 };
	char			*file, *bad, *cause = NULL;

	/* A data folder that cannot be made: the store opens read-only and
	 * says why; changes are refused, nothing crashes. */
	file = util_path_join(e->dir, "plain-file");
	put(file, "x");
	bad = util_path_join(file, "data");
	s = store_open(bad, e->lib, &cause);
	assert_non_null(s);
	assert_non_null(strstr(store_problem(s, STORE_TAGS), "read-only"));
	assert_non_null(strstr(store_problem(s, STORE_HIGHLIGHTS), "plain-file"));
	assert_int_equal(store_tag_add(s, &a, "t", &cause), -1);
	assert_non_null(strstr(cause, "read-only"));
	free(cause);
	close_store(s);
	free(bad);
	free(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash),
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_hand_edited, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_broken_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_created_range, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_follow_rename, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tags_api, setup,
		    teardown),
		cmocka_unit_test(test_filter_tag),
		cmocka_unit_test_setup_teardown(test_two_instances, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unwritable_folder, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
