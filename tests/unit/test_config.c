/* Tests for config: the options table, the loader's messages and their
 * positions, hostile files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "inkstone/config.h"
#include "inkstone/theme.h"
#include "inkstone/util.h"

#define FIX	"tests/fixtures/config/"

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

static void
test_defaults(void **state)
{
	struct config	c;
	size_t		i;

	(void)state;
	config_defaults(&c);
	assert_null(c.path);
	assert_null(c.library);
	assert_string_equal(c.theme, "default");
	assert_string_equal(c.date_format, "%Y-%m-%d");
	assert_int_equal(c.sidebar_side, CONFIG_RIGHT);
	assert_int_equal(c.sidebar_width, 28);
	assert_int_equal(c.reading_width, 80);
	assert_int_equal(c.sort_by, CONFIG_SORT_DATE);
	assert_false(c.sort_reverse);
	assert_true(c.show_list && c.show_highlights && c.show_sidebar);
	assert_int_equal(c.nentities, CONFIG_NENTITIES);
	for (i = 0; i < CONFIG_NENTITIES; i++)
		assert_ptr_equal(c.entities[i], config_entity_names[i]);
	for (i = 0; i < 9; i++)
		assert_null(c.quick_tags[i]);
	assert_int_equal(keys_lookup(c.keys, KEYS_LIST, 'j'), KEYS_A_DOWN);
	config_free(&c);
	/* Every integer default lies within its own bounds. */
	for (i = 0; i < config_noptions; i++)
		if (config_options[i].type == CONFIG_INT)
			assert_in_range(atoi(config_options[i].def),
			    config_options[i].min, config_options[i].max);
}

static void
test_good(void **state)
{
	struct config	  c;
	char		**errors, *want;
	size_t		  n;

	(void)state;
	setenv("HOME", "/home/reader", 1);
	assert_int_equal(config_load(FIX "good.yaml", &c, &errors, &n), 0);
	assert_int_equal(n, 0);
	assert_null(errors);
	want = util_path_join("/home/reader", "news");
	assert_string_equal(c.library, want);
	free(want);
	assert_string_equal(c.theme, "light");
	assert_string_equal(c.date_format, "%d %b %Y");
	assert_int_equal(c.sidebar_side, CONFIG_LEFT);
	assert_int_equal(c.sidebar_width, 32);
	assert_int_equal(c.list_height, 12);
	assert_int_equal(c.highlights_height, 5);
	assert_int_equal(c.show_highlights, 0);
	assert_int_equal(c.show_sidebar, 1);
	assert_int_equal(c.reading_width, 72);
	assert_int_equal(c.reading_margin, 0);
	assert_int_equal(c.sort_by, CONFIG_SORT_TITLE);
	assert_int_equal(c.sort_reverse, 1);
	assert_string_equal(c.quick_tags[0], "policy");
	assert_string_equal(c.quick_tags[1], "chips");
	assert_null(c.quick_tags[2]);
	assert_string_equal(c.quick_tags[8], "later");
	assert_int_equal(c.nentities, 2);
	assert_string_equal(c.entities[0], "ORG");
	assert_string_equal(c.entities[1], "PERSON");
	/* C-c added, q unbound everywhere, j unbound in the list only. */
	assert_int_equal(keys_lookup(c.keys, KEYS_LIST, KEYS_CTRL | 'c'),
	    KEYS_A_QUIT);
	assert_int_equal(keys_lookup(c.keys, KEYS_READING, 'q'), KEYS_A_NONE);
	assert_int_equal(keys_lookup(c.keys, KEYS_LIST, 'j'), KEYS_A_NONE);
	assert_int_equal(keys_lookup(c.keys, KEYS_READING, 'j'), KEYS_A_DOWN);
	assert_int_equal(keys_lookup(c.keys, KEYS_LIST, 'x'),
	    KEYS_A_TOGGLE_READ);
	assert_int_equal(keys_lookup(c.keys, KEYS_READING,
	    KEYS_SHIFT | KEYS_DOWN), KEYS_A_PAGE_DOWN);
	assert_int_equal(keys_lookup(c.keys, KEYS_READING, KEYS_META | 'n'),
	    KEYS_A_NEXT_ARTICLE);
	/* Defaults the file does not touch stay. */
	assert_int_equal(keys_lookup(c.keys, KEYS_LIST, 'k'), KEYS_A_UP);
	config_free(&c);
}

/* Each broken file: how many errors, and the first one's position and
 * text. */
static const struct {
	const char	*file;
	size_t		 nerrors;
	const char	*where;
	const char	*what;
} broken[] = {
	{ "bad-syntax.yaml", 1, "2:1", "did not find expected ',' or ']'" },
	{ "bad-unknown-nested.yaml", 1, "2:3",
	  "unknown option \"layout.sidebar-widht\"; did you mean "
	  "\"layout.sidebar-width\"?" },
	{ "bad-unknown-top.yaml", 1, "2:1",
	  "unknown option \"thme\"; did you mean \"theme\"?" },
	{ "bad-wrong-level.yaml", 1, "1:1",
	  "did you mean \"layout.list-height\"?" },
	{ "bad-type-int.yaml", 1, "2:16",
	  "layout.list-height: expected a number, got \"lots\"" },
	{ "bad-type-bool.yaml", 1, "2:17",
	  "layout.show-sidebar: expected true or false, got \"2\"" },
	{ "bad-type-string.yaml", 1, "1:8",
	  "theme: expected a string, got a list" },
	{ "bad-range.yaml", 1, "2:10",
	  "reading.width: 5000 is out of range (0 to 1000)" },
	{ "bad-enum.yaml", 1, "2:7", "did you mean \"date\"?" },
	{ "bad-action.yaml", 1, "3:8",
	  "keys.list: unknown action \"pagedown\"; did you mean "
	  "\"page-down\"?" },
	{ "bad-keyname.yaml", 1, "3:5", "unknown key \"Ctrl-d\"" },
	{ "bad-dup-binding.yaml", 1, "5:5",
	  "keys.global: duplicate binding for C-d (first at line 3, "
	  "column 5)" },
	{ "bad-context.yaml", 1, "2:3",
	  "unknown option \"keys.lst\"; did you mean \"keys.list\"?" },
	{ "bad-dup-key.yaml", 1, "2:1", "duplicate option \"theme\"" },
	{ "bad-quick-tags.yaml", 2, "2:3",
	  "quick-tags: 0 is out of range (1 to 9)" },
	{ "bad-entities.yaml", 2, "1:20",
	  "unknown entity type \"ORGS\"" },
	{ "bad-top-list.yaml", 1, "1:1", "expected a mapping of options" },
	{ "bad-section.yaml", 1, "1:9", "layout: expected a mapping" },
	{ "bad-alias.yaml", 1, "2:4", "aliases" },
	{ "bad-shift.yaml", 1, "3:5", "S- works only on letters" },
	{ "bad-many.yaml", 5, "1:1", "unknown option \"thme\"" },
	{ "bad-date-format.yaml", 1, "1:14",
	  "date-format: unknown conversion \"%Q\"" },
	{ "no-such-file.yaml", 1, NULL, "No such file" },
};

static void
test_broken(void **state)
{
	struct config	  c;
	char		**errors, *path, *prefix;
	size_t		  i, n;

	(void)state;
	for (i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		path = xasprintf(FIX "%s", broken[i].file);
		assert_int_equal(config_load(path, &c, &errors, &n), -1);
		if (n != broken[i].nerrors || strstr(errors[0],
		    broken[i].what) == NULL)
			fail_msg("%s: got %zu errors, first \"%s\"",
			    broken[i].file, n, errors[0]);
		if (broken[i].where != NULL) {
			prefix = xasprintf("%s:%s: ", path, broken[i].where);
			if (strncmp(errors[0], prefix, strlen(prefix)) != 0)
				fail_msg("%s: want %s, got \"%s\"",
				    broken[i].file, prefix, errors[0]);
			free(prefix);
		}
		/* The valid settings still hold their defaults. */
		assert_non_null(c.keys);
		assert_non_null(c.theme);
		config_errors_free(errors, n);
		config_free(&c);
		free(path);
	}
}

/* All problems are reported, in file order, each at its own place. */
static void
test_all_errors(void **state)
{
	static const char *const where[] = { ":1:1: ", ":3:18: ", ":4:17: ",
	    ":7:8: ", ":8:5: " };
	struct config	  c;
	char		**errors;
	size_t		  i, n;

	(void)state;
	assert_int_equal(config_load(FIX "bad-many.yaml", &c, &errors, &n),
	    -1);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++)
		assert_non_null(strstr(errors[i], where[i]));
	assert_non_null(strstr(errors[4], "duplicate binding for j"));
	/* The good setting in a bad file still applies: none here, so
	 * everything is default. */
	assert_int_equal(c.sidebar_width, 28);
	config_errors_free(errors, n);
	config_free(&c);
}

static char *
write_temp(const char *data, size_t len)
{
	char	 tmpl[] = "/tmp/inkstone-config-XXXXXX";
	int	 fd = mkstemp(tmpl);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return xstrdup(tmpl);
}

/* Unknown keys of every shape, at every level: messages, never a crash. */
static void
test_unknown_never_crash(void **state)
{
	static const char *const docs[] = {
		"zzz: 1\n",
		"? [a, b]\n: c\n",
		"{a: b}: 1\n",
		"layout: {nope: {deeper: [1, 2, {x: y}]}}\n",
		"keys: {global: {[x]: quit}}\n",
		"keys: {global: {j: [down]}}\n",
		"keys: {global: {j: }}\n",
		"keys: {global: {'': down}}\n",
		"keys: {global: {C-: down, S-: up, M-M-x: up}}\n",
		"keys: [global]\n",
		"quick-tags: {[1]: a, x: b, 5: [c]}\n",
		"entities: [[PERSON], {ORG: 1}, '']\n",
		"theme: ~\nlibrary:\n",
		"\xef\xbb\xbftheme: bom\n",
		"theme: \"\\u00e9\\u4e2d\"\nlayout:\n",
		"\"\xe4\xb8\xad\xe6\x96\x87\": 1\n",
		"theme: \xff\xfe\n",
		"---\ntheme: a\n---\ntheme: b\n",
		"",
		"# only a comment\n",
		"!!map {theme: a}\n",
		"\"\\e[2J\\u202e\": 1\nlayout: {list-height: \"\\e]0;x\\a\"}\n",
		"theme: \"\\x9b31m\"\nsort: {by: \"\\0\"}\n",
	};
	struct config	  c;
	char		**errors, *path;
	size_t		  i, n;

	(void)state;
	for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		path = write_temp(docs[i], strlen(docs[i]));
		config_load(path, &c, &errors, &n);
		/* Every message names the file and a position, and
		 * holds nothing that could drive a terminal. */
		for (size_t k = 0; k < n; k++) {
			const unsigned char *p = (unsigned char *)errors[k];

			assert_true(strncmp(errors[k], path, strlen(path)) ==
			    0 && errors[k][strlen(path)] == ':');
			for (; *p != '\0'; p++)
				assert_true(*p >= 0x20 && *p != 0x7f);
			assert_null(strstr(errors[k], "\xc2\x9b"));
			assert_null(strstr(errors[k], "\xe2\x80\xae"));
		}
		config_errors_free(errors, n);
		config_free(&c);
		unlink(path);
		free(path);
	}
}

/* Every byte of a good config changed, one at a time: never a crash. */
static void
test_mutations(void **state)
{
	static const char subst[] = { '[', '{', ':', '-', '\0', '\n', '"',
	    '&', '*', '\xff' };
	struct config	  c;
	char		**errors, *good, *path;
	size_t		  len, i, k, n;

	(void)state;
	good = slurp(FIX "good.yaml");
	len = strlen(good);
	for (i = 0; i < len; i++)
		for (k = 0; k < sizeof subst; k += 3) {
			char save = good[i];

			good[i] = subst[(k + i) % sizeof subst];
			path = write_temp(good, len);
			good[i] = save;
			config_load(path, &c, &errors, &n);
			config_errors_free(errors, n);
			config_free(&c);
			unlink(path);
			free(path);
		}
	free(good);
}

#define YTS	"/work/shared/testdata/yaml-test-suite"

/* Each message is "file:LINE:COL: text" with nothing a terminal obeys. */
static void
assert_clean(const char *file, const char *msg)
{
	const unsigned char	*p = (const unsigned char *)msg;
	size_t			 n = strlen(file);

	if (strncmp(msg, file, n) != 0 || msg[n] != ':' ||
	    !isdigit((unsigned char)msg[n + 1]))
		fail_msg("no position: %s", msg);
	p += n + 1;
	while (isdigit(*p))
		p++;
	if (*p++ != ':' || !isdigit(*p))
		fail_msg("no column: %s", msg);
	for (p = (const unsigned char *)msg; *p != '\0'; p++)
		assert_true(*p >= 0x20 && *p != 0x7f);
}

static void
load_suite_file(const char *path, size_t *ninputs)
{
	struct config	  c;
	struct theme	  t;
	char		**errors = NULL, *buf, *cause;
	size_t		  i, n = 0, len;
	int		  depth, s;

	if ((buf = util_read_file(path, 0, &len, &cause)) == NULL) {
		free(cause);
		return;
	}
	config_defaults(&c);
	config_parse(path, buf, len, &c, &errors, &n);
	for (i = 0; i < n; i++)
		assert_clean(path, errors[i]);
	config_errors_free(errors, n);
	config_free(&c);
	/* And as a theme, at 256 and at 8 colours. */
	for (depth = 256; depth >= 8; depth /= 32) {
		errors = NULL;
		n = 0;
		theme_fallback(&t);
		theme_parse(path, buf, len, depth, &t, &errors, &n);
		for (i = 0; i < n; i++)
			assert_clean(path, errors[i]);
		for (s = 0; s < THEME_NSLOTS; s++)
			assert_true(t.slot[s].fg < depth && t.slot[s].bg < depth);
		config_errors_free(errors, n);
		theme_free(&t);
	}
	free(buf);
	(*ninputs)++;
}

/* Every input of the YAML test suite, valid or not, as a config and as a
 * theme: a clean message or none, never a crash. */
static void
test_yaml_suite(void **state)
{
	DIR		*d, *sub;
	struct dirent	*e, *f;
	char		*dir, *p;
	size_t		 n = 0;

	(void)state;
	if ((d = opendir(YTS)) == NULL)
		skip();
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		dir = xasprintf(YTS "/%s", e->d_name);
		p = xasprintf("%s/in.yaml", dir);
		if (access(p, R_OK) == 0)
			load_suite_file(p, &n);
		else if ((sub = opendir(dir)) != NULL) {
			while ((f = readdir(sub)) != NULL) {
				if (f->d_name[0] == '.')
					continue;
				free(p);
				p = xasprintf("%s/%s/in.yaml", dir, f->d_name);
				if (access(p, R_OK) == 0)
					load_suite_file(p, &n);
			}
			closedir(sub);
		}
		free(p);
		free(dir);
	}
	closedir(d);
	printf("# %zu inputs of the YAML test suite loaded\n", n);
	assert_true(n > 300);
}

/* libyaml has no depth limit; the loader stops at YNODE_MAXDEPTH. */
static void
test_deep(void **state)
{
	struct config	  c;
	struct timespec	  t0, t1;
	char		**errors, *buf, *path;
	size_t		  n, len = 100000;
	double		  secs;

	(void)state;
	buf = xmalloc(len);
	memset(buf, '[', len);
	path = write_temp(buf, len);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(config_load(path, &c, &errors, &n), -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("# 100,000 '[' refused in %.6f s\n", secs);
	assert_int_equal(n, 1);
	assert_non_null(strstr(errors[0], "nested more than"));
	/* A generous bound: the point is that it does not grow with the
	 * input, which takes microseconds. */
	assert_true(secs < 0.5);
	config_errors_free(errors, n);
	config_free(&c);
	unlink(path);
	free(path);
	free(buf);
}

/* 100,000 unknown options: the errors stop at a hundred and so does the
 * work, instead of comparing every key with every other. */
static void
test_many_errors(void **state)
{
	struct config	  c;
	struct buf	  b = { 0 };
	char		**errors, *path;
	size_t		  i, n;

	(void)state;
	for (i = 0; i < 100000; i++)
		buf_addf(&b, "k%zu: 1\n", i);
	buf_adds(&b, "keys:\n  list:\n");
	path = write_temp(b.data, b.len);
	assert_int_equal(config_load(path, &c, &errors, &n), -1);
	assert_int_equal(n, 101);
	assert_non_null(strstr(errors[100], ":101:1: too many errors"));
	config_errors_free(errors, n);
	config_free(&c);
	unlink(path);
	free(path);
	/* More bindings in a pane than anyone needs: refused whole. */
	buf_free(&b);
	buf_adds(&b, "keys:\n  list:\n");
	for (i = 0; i < 2000; i++)
		buf_addf(&b, "    F%zu: down\n", i);
	path = write_temp(b.data, b.len);
	assert_int_equal(config_load(path, &c, &errors, &n), -1);
	assert_int_equal(n, 1);
	assert_non_null(strstr(errors[0], ":3:5: keys.list: 2000 bindings"));
	config_errors_free(errors, n);
	config_free(&c);
	unlink(path);
	free(path);
	buf_free(&b);
}

static void
test_default_path(void **state)
{
	char	  dir[] = "/tmp/inkstone-xdg-XXXXXX", *sub, *p;
	struct config c;
	char	**errors;
	size_t	  n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("XDG_CONFIG_HOME", dir, 1);
	p = config_default_path();
	sub = util_path_join(dir, "inkstone/config.yaml");
	assert_string_equal(p, sub);
	/* Missing: fine, the defaults. */
	assert_int_equal(config_load_default(NULL, &c, &errors, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(c.sidebar_width, 28);
	config_free(&c);
	/* Given with -c and missing: an error. */
	assert_int_equal(config_load_default(p, &c, &errors, &n), -1);
	assert_int_equal(n, 1);
	config_errors_free(errors, n);
	config_free(&c);
	free(sub);
	free(p);
	rmdir(dir);
}

/* Loading reads the file and nothing else: it is never written. */
static void
test_never_writes(void **state)
{
	struct config	  c;
	struct stat	  before, after;
	char		**errors;
	size_t		  n;

	(void)state;
	assert_int_equal(stat(FIX "bad-many.yaml", &before), 0);
	config_load(FIX "bad-many.yaml", &c, &errors, &n);
	config_errors_free(errors, n);
	config_free(&c);
	assert_int_equal(stat(FIX "bad-many.yaml", &after), 0);
	assert_int_equal(before.st_size, after.st_size);
	assert_true(before.st_mtime == after.st_mtime);
}

/* --help and the man page list every option of the table. */
static void
test_help_and_man(void **state)
{
	char	*man, *help, *want;
	size_t	 i, len;
	FILE	*f;

	(void)state;
	man = slurp("man/inkstone-config.5");
	f = open_memstream(&help, &len);
	config_help(f);
	fclose(f);
	for (i = 0; i < config_noptions; i++) {
		want = xasprintf(".It Ic %s", config_options[i].name);
		if (strstr(man, want) == NULL)
			fail_msg("inkstone-config.5 lacks \"%s\"", want);
		free(want);
		if (strstr(help, config_options[i].name) == NULL)
			fail_msg("config_help lacks %s", config_options[i].name);
		if (config_options[i].def != NULL &&
		    strstr(help, config_options[i].def) == NULL)
			fail_msg("config_help lacks the default of %s",
			    config_options[i].name);
	}
	free(help);
	free(man);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_broken),
		cmocka_unit_test(test_all_errors),
		cmocka_unit_test(test_unknown_never_crash),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_yaml_suite),
		cmocka_unit_test(test_deep),
		cmocka_unit_test(test_many_errors),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_never_writes),
		cmocka_unit_test(test_help_and_man),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
