/* Tests for theme: the palette, nearest colours, every shipped theme,
 * inheritance, errors and where themes are found. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inkstone/theme.h"
#include "inkstone/util.h"

#define FIX	"tests/fixtures/config/themes/"

static const char *const shipped[] = {
	"default", "light", "sixteen", "monochrome", "high-contrast"
};

static void
test_palette(void **state)
{
	(void)state;
	assert_int_equal(theme_palette(0), 0x000000);
	assert_int_equal(theme_palette(9), 0xff0000);
	assert_int_equal(theme_palette(16), 0x000000);
	assert_int_equal(theme_palette(196), 0xff0000);
	assert_int_equal(theme_palette(231), 0xffffff);
	assert_int_equal(theme_palette(67), 0x5f87af);
	assert_int_equal(theme_palette(232), 0x080808);
	assert_int_equal(theme_palette(255), 0xeeeeee);
}

static void
test_nearest(void **state)
{
	int i;

	(void)state;
	assert_int_equal(theme_nearest(0xff0000, 256), 196);
	assert_int_equal(theme_nearest(0xff0000, 16), 9);
	assert_int_equal(theme_nearest(0xff0000, 8), 1);
	assert_int_equal(theme_nearest(0x000000, 256), 16);
	assert_int_equal(theme_nearest(0xffffff, 256), 231);
	assert_int_equal(theme_nearest(0xffffff, 16), 15);
	assert_int_equal(theme_nearest(0xffffff, 8), 7);
	assert_int_equal(theme_nearest(0x808080, 256), 244);
	assert_int_equal(theme_nearest(0x5f87af, 256), 67);
	assert_int_equal(theme_nearest(0x5f87b0, 256), 67);
	assert_int_equal(theme_nearest(0x0000ff, 16), 4);
	assert_int_equal(theme_nearest(0x5c5cff, 16), 12);
	assert_int_equal(theme_nearest(0x00ff00, 88), 10);
	assert_int_equal(theme_nearest(0x123456, 2), THEME_DEFAULT);
	assert_int_equal(theme_nearest(0x123456, 0), THEME_DEFAULT);
	/* Every palette colour is its own nearest in the 256 cube part. */
	for (i = 16; i < 256; i++)
		assert_int_equal(theme_palette(theme_nearest(theme_palette(i),
		    256)), theme_palette(i));
}

static void
test_slots(void **state)
{
	int s;

	(void)state;
	for (s = 0; s < THEME_NSLOTS; s++) {
		assert_int_equal(theme_slot_parse(theme_slot_name(s)), s);
		/* A parent comes first, so one pass resolves inheritance. */
		if (s != THEME_NORMAL)
			assert_true((int)theme_slot_parent(s) < s);
	}
	assert_int_equal(theme_slot_parent(THEME_NORMAL), THEME_NORMAL);
	assert_int_equal(theme_slot_parse("entity-org"), THEME_ENTITY_ORG);
	assert_int_equal(theme_slot_parse("nope"), -1);
}

static void
load_ok(const char *name, int ncolours, struct theme *t)
{
	char	**errors;
	size_t	  n;

	if (theme_load(name, ncolours, t, &errors, &n) != 0)
		fail_msg("%s at %d colours: %s", name, ncolours, errors[0]);
	assert_int_equal(n, 0);
}

static void
test_shipped(void **state)
{
	static const int depths[] = { 256, 88, 16, 8, 0 };
	struct theme	 t;
	char		*path;
	size_t		 i, d;
	int		 s;

	(void)state;
	for (i = 0; i < sizeof shipped / sizeof shipped[0]; i++)
		for (d = 0; d < sizeof depths / sizeof depths[0]; d++) {
			path = xasprintf("themes/%s.yaml", shipped[i]);
			load_ok(path, depths[d], &t);
			for (s = 0; s < THEME_NSLOTS; s++) {
				assert_true(t.slot[s].fg >= -1 &&
				    t.slot[s].fg < depths[d]);
				assert_true(t.slot[s].bg >= -1 &&
				    t.slot[s].bg < depths[d]);
			}
			/* The selected line is always told apart. */
			assert_true(t.slot[THEME_LIST_SELECTED].attrs != 0 ||
			    t.slot[THEME_LIST_SELECTED].bg !=
			    t.slot[THEME_LIST].bg);
			theme_free(&t);
			free(path);
		}
	/* monochrome: attributes only; sixteen: the ANSI colours only. */
	load_ok("themes/monochrome.yaml", 256, &t);
	for (s = 0; s < THEME_NSLOTS; s++)
		assert_true(t.slot[s].fg == -1 && t.slot[s].bg == -1);
	assert_int_equal(t.slot[THEME_STATUS].attrs, THEME_REVERSE);
	theme_free(&t);
	load_ok("themes/sixteen.yaml", 256, &t);
	for (s = 0; s < THEME_NSLOTS; s++)
		assert_true(t.slot[s].fg < 16 && t.slot[s].bg < 16);
	theme_free(&t);
	load_ok("themes/high-contrast.yaml", 256, &t);
	assert_int_equal(t.slot[THEME_NORMAL].fg, 231);
	assert_int_equal(t.slot[THEME_NORMAL].bg, 16);
	theme_free(&t);
}

static void
test_inherit(void **state)
{
	struct theme t;

	(void)state;
	load_ok(FIX "good.yaml", 256, &t);
	assert_int_equal(t.slot[THEME_NORMAL].fg, 7);
	assert_int_equal(t.slot[THEME_NORMAL].bg, 16);
	assert_int_equal(t.slot[THEME_LIST].fg, 196);
	assert_int_equal(t.slot[THEME_LIST].bg, 16);
	/* list-selected sets attrs only: its colours come from list. */
	assert_int_equal(t.slot[THEME_LIST_SELECTED].fg, 196);
	assert_int_equal(t.slot[THEME_LIST_SELECTED].attrs,
	    THEME_REVERSE | THEME_BOLD);
	assert_int_equal(t.slot[THEME_LIST_DATE].fg, 196);
	assert_int_equal(t.slot[THEME_PROMPT].attrs,
	    THEME_UNDERLINE | THEME_DIM);
	assert_int_equal(t.slot[THEME_SIDEBAR].fg, 7);
	theme_free(&t);
	/* On 8 colours, 16 (black in the cube) becomes 0. */
	load_ok(FIX "good.yaml", 8, &t);
	assert_int_equal(t.slot[THEME_NORMAL].bg, 0);
	assert_int_equal(t.slot[THEME_LIST].fg, 1);
	theme_free(&t);
}

static void
test_errors(void **state)
{
	static const char *const want[] = {
		":1:15: normal.fg: unknown colour \"reed\"; did you mean \"red\"?",
		":1:25: normal.bg: colour 300 is out of range (0 to 255)",
		(":2:1: unknown slot \"list-selectd\"; did you mean "
		"\"list-selected\"?"),
		":3:13: list.fg: \"#12345\" is not a #rrggbb colour",
		":3:37: list.attrs: unknown attribute \"blink\"",
		":3:45: list: unknown field \"colour\"",
		":4:9: status: expected a mapping",
		":5:20: search: duplicate field \"fg\"",
	};
	struct theme	  t;
	char		**errors;
	size_t		  i, n;

	(void)state;
	assert_int_equal(theme_load(FIX "broken.yaml", 256, &t, &errors, &n),
	    -1);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (i = 0; i < n; i++) {
		assert_true(strncmp(errors[i], FIX "broken.yaml:",
		    strlen(FIX "broken.yaml:")) == 0);
		if (strstr(errors[i], want[i]) == NULL)
			fail_msg("got \"%s\", want \"%s\"", errors[i], want[i]);
		free(errors[i]);
	}
	free(errors);
	/* A broken theme leaves the fallback, which still shows the
	 * selection. */
	assert_int_equal(t.slot[THEME_NORMAL].fg, THEME_DEFAULT);
	assert_int_equal(t.slot[THEME_LIST_SELECTED].attrs, THEME_REVERSE);
	theme_free(&t);
	/* Missing theme. */
	setenv("INKSTONE_SHAREDIR", "/nonexistent", 1);
	assert_int_equal(theme_load("no-such-theme", 256, &t, &errors, &n),
	    -1);
	assert_int_equal(n, 1);
	assert_non_null(strstr(errors[0], "no-such-theme"));
	free(errors[0]);
	free(errors);
	theme_free(&t);
}

static void
write_file(const char *path, const char *s)
{
	char *cause = NULL;

	if (util_write_atomic(path, s, strlen(s), &cause) != 0)
		fail_msg("%s", cause);
}

/* A user's theme beats an installed one of the same name. */
static void
test_find(void **state)
{
	char	 dir[] = "/tmp/inkstone-theme-XXXXXX", *cfg, *share, *p, *q;
	struct theme t;

	(void)state;
	assert_non_null(mkdtemp(dir));
	cfg = util_path_join(dir, "cfg");
	share = util_path_join(dir, "share");
	p = util_path_join(cfg, "inkstone/themes");
	assert_int_equal(util_mkdirs(p, 0700), 0);
	free(p);
	p = util_path_join(share, "themes");
	assert_int_equal(util_mkdirs(p, 0700), 0);
	free(p);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	setenv("INKSTONE_SHAREDIR", share, 1);
	p = util_path_join(share, "themes/mine.yaml");
	write_file(p, "normal: { fg: red }\n");
	q = theme_find("mine");
	assert_string_equal(q, p);
	free(q);
	load_ok("mine", 256, &t);
	assert_int_equal(t.slot[THEME_NORMAL].fg, 1);
	theme_free(&t);
	free(p);
	p = util_path_join(cfg, "inkstone/themes/mine.yaml");
	write_file(p, "normal: { fg: blue }\n");
	q = theme_find("mine");
	assert_string_equal(q, p);
	free(q);
	load_ok("mine", 256, &t);
	assert_int_equal(t.slot[THEME_NORMAL].fg, 4);
	theme_free(&t);
	unlink(p);
	free(p);
	p = util_path_join(share, "themes/mine.yaml");
	unlink(p);
	free(p);
	assert_null(theme_find("mine"));
	assert_null(theme_find(""));
	q = theme_find("some/file.yaml");
	assert_string_equal(q, "some/file.yaml");
	free(q);
	p = util_path_join(cfg, "inkstone/themes");
	rmdir(p);
	free(p);
	p = util_path_join(cfg, "inkstone");
	rmdir(p);
	free(p);
	rmdir(cfg);
	p = util_path_join(share, "themes");
	rmdir(p);
	free(p);
	rmdir(share);
	rmdir(dir);
	free(cfg);
	free(share);
	unsetenv("INKSTONE_SHAREDIR");
}

/* On fewer than 256 colours, default gives way to sixteen. */
static void
test_default_small(void **state)
{
	struct theme	t;
	size_t		n;

	(void)state;
	setenv("INKSTONE_SHAREDIR", ".", 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	load_ok("default", 256, &t);
	n = strlen(t.path);
	assert_true(n > 12 && strcmp(t.path + n - 12, "default.yaml") == 0);
	assert_string_equal(t.name, "default");
	theme_free(&t);
	load_ok("default", 16, &t);
	n = strlen(t.path);
	assert_true(n > 12 && strcmp(t.path + n - 12, "sixteen.yaml") == 0);
	assert_string_equal(t.name, "default");
	theme_free(&t);
	load_ok("default", 0, &t);
	n = strlen(t.path);
	assert_true(strcmp(t.path + n - 12, "default.yaml") == 0);
	theme_free(&t);
	unsetenv("INKSTONE_SHAREDIR");
}

static void
test_choose(void **state)
{
	(void)state;
	unsetenv("NO_COLOR");
	assert_string_equal(theme_choose(NULL, NULL), "default");
	assert_string_equal(theme_choose(NULL, "light"), "light");
	assert_string_equal(theme_choose("sixteen", "light"), "sixteen");
	setenv("NO_COLOR", "", 1);
	assert_string_equal(theme_choose("sixteen", "light"), "sixteen");
	setenv("NO_COLOR", "1", 1);
	assert_string_equal(theme_choose("sixteen", "light"), "monochrome");
	unsetenv("NO_COLOR");
}

static void
test_man(void **state)
{
	char	*man, *cause, *want;
	size_t	 len;
	int	 s;

	(void)state;
	man = util_read_file("man/inkstone-config.5", 0, &len, &cause);
	assert_non_null(man);
	for (s = 0; s < THEME_NSLOTS; s++) {
		want = xasprintf(".It Ic %s\n", theme_slot_name(s));
		if (strstr(man, want) == NULL)
			fail_msg("inkstone-config.5 lacks slot %s",
			    theme_slot_name(s));
		free(want);
	}
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		want = xasprintf(".It Li %s\n", shipped[i]);
		if (strstr(man, want) == NULL)
			fail_msg("inkstone-config.5 lacks theme %s", shipped[i]);
		free(want);
	}
	free(man);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_palette),
		cmocka_unit_test(test_nearest),
		cmocka_unit_test(test_slots),
		cmocka_unit_test(test_shipped),
		cmocka_unit_test(test_inherit),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_default_small),
		cmocka_unit_test(test_choose),
		cmocka_unit_test(test_man),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
