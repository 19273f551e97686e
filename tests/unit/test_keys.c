/* Tests for keys: key names, the default table, lookup and the help and
 * man page listings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/keys.h"
#include "inkstone/util.h"

static void
test_names(void **state)
{
	static const struct {
		const char	*in;
		uint32_t	 key;
		const char	*canon;
	} ok[] = {
		{ "j", 'j', "j" },
		{ "G", 'G', "G" },
		{ "/", '/', "/" },
		{ "?", '?', "?" },
		{ "1", '1', "1" },
		{ "\xe4\xb8\xad", 0x4e2d, "\xe4\xb8\xad" },
		{ "C-d", KEYS_CTRL | 'd', "C-d" },
		{ "C-D", KEYS_CTRL | 'd', "C-d" },
		{ "S-g", 'G', "G" },
		{ "S-Tab", KEYS_SHIFT | KEYS_TAB, "S-Tab" },
		{ "Space", KEYS_SPACE, "Space" },
		{ "space", KEYS_SPACE, "Space" },
		{ "C-Space", KEYS_CTRL | KEYS_SPACE, "C-Space" },
		{ "Enter", KEYS_ENTER, "Enter" },
		{ "Return", KEYS_ENTER, "Enter" },
		{ "Esc", KEYS_ESCAPE, "Escape" },
		{ "PageDown", KEYS_PAGEDOWN, "PageDown" },
		{ "PgDn", KEYS_PAGEDOWN, "PageDown" },
		{ "PgUp", KEYS_PAGEUP, "PageUp" },
		{ "BS", KEYS_BACKSPACE, "Backspace" },
		{ "Del", KEYS_DELETE, "Delete" },
		{ "F5", KEYS_F(5), "F5" },
		{ "F20", KEYS_F(20), "F20" },
		{ "M-x", KEYS_META | 'x', "M-x" },
		{ "C-M-Up", KEYS_CTRL | KEYS_META | KEYS_UP, "C-M-Up" },
		{ "M-C-Up", KEYS_CTRL | KEYS_META | KEYS_UP, "C-M-Up" },
		{ "-", '-', "-" },
		{ "C", 'C', "C" },
	};
	static const char *const bad[] = {
		"", "C-", "F0", "F21", "F1x", "Ctrl-d", "S-1", "C-1", "C-S-a",
		"C-C-d", "ab", "\x01", " ", "\x7f", "Enterr", "\xff",
		"\xe4\xb8", "\xc2\x85",
	};
	char		 buf[KEYS_NAMELEN], *cause;
	uint32_t	 key;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (keys_parse(ok[i].in, &key, &cause) != 0)
			fail_msg("\"%s\": %s", ok[i].in, cause);
		if (key != ok[i].key)
			fail_msg("\"%s\": 0x%x, want 0x%x", ok[i].in,
			    (unsigned)key, (unsigned)ok[i].key);
		assert_string_equal(keys_name(key, buf), ok[i].canon);
		/* The canonical name reads back as the same key. */
		assert_int_equal(keys_parse(buf, &key, &cause), 0);
		assert_int_equal(key, ok[i].key);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (keys_parse(bad[i], &key, &cause) == 0)
			fail_msg("\"%s\" accepted as 0x%x", bad[i],
			    (unsigned)key);
		assert_non_null(cause);
		free(cause);
	}
}

static void
test_from_char(void **state)
{
	(void)state;
	assert_int_equal(keys_from_char(0x04), KEYS_CTRL | 'd');
	assert_int_equal(keys_from_char(0x01), KEYS_CTRL | 'a');
	assert_int_equal(keys_from_char(0x1a), KEYS_CTRL | 'z');
	assert_int_equal(keys_from_char(0x09), KEYS_TAB);
	assert_int_equal(keys_from_char(0x0a), KEYS_ENTER);
	assert_int_equal(keys_from_char(0x0d), KEYS_ENTER);
	assert_int_equal(keys_from_char(0x1b), KEYS_ESCAPE);
	assert_int_equal(keys_from_char(0x7f), KEYS_BACKSPACE);
	assert_int_equal(keys_from_char(0x00), KEYS_CTRL | KEYS_SPACE);
	assert_int_equal(keys_from_char('j'), 'j');
	assert_int_equal(keys_from_char(0x4e2d), 0x4e2d);
}

static void
test_tables(void **state)
{
	char		*cause;
	uint32_t	 key, *seen;
	size_t		 i, j;
	int		 a, c;

	(void)state;
	for (a = 0; a < KEYS_NACTIONS; a++) {
		assert_int_equal(keys_action_parse(keys_action_name(a)), a);
		assert_true(strlen(keys_action_help(a)) > 0);
	}
	assert_int_equal(keys_action_parse("quick-tag-9"), KEYS_A_QUICK_TAG_9);
	assert_int_equal(keys_action_parse("nope"), -1);
	for (c = 0; c < KEYS_NCONTEXTS; c++)
		assert_int_equal(keys_context_parse(keys_context_name(c)), c);
	assert_int_equal(keys_context_parse("Global"), -1);
	/* Every default parses, and no key is bound twice in a context. */
	seen = xcalloc(keys_ndefaults, sizeof *seen);
	for (i = 0; i < keys_ndefaults; i++) {
		assert_true(keys_context_parse(keys_defaults[i].ctx) >= 0);
		assert_true(keys_action_parse(keys_defaults[i].action) > 0);
		if (keys_parse(keys_defaults[i].key, &key, &cause) != 0)
			fail_msg("default %s: %s", keys_defaults[i].key, cause);
		seen[i] = key;
		for (j = 0; j < i; j++)
			if (seen[j] == key && strcmp(keys_defaults[j].ctx,
			    keys_defaults[i].ctx) == 0)
				fail_msg("%s bound twice in %s",
				    keys_defaults[i].key, keys_defaults[i].ctx);
	}
	free(seen);
}

static void
test_lookup(void **state)
{
	struct keys_map	*m = keys_map_defaults();

	(void)state;
	assert_int_equal(keys_lookup(m, KEYS_LIST, 'j'), KEYS_A_DOWN);
	assert_int_equal(keys_lookup(m, KEYS_LIST, KEYS_ENTER), KEYS_A_OPEN);
	assert_int_equal(keys_lookup(m, KEYS_GLOBAL, KEYS_ENTER), KEYS_A_NONE);
	assert_int_equal(keys_lookup(m, KEYS_READING, KEYS_SPACE),
	    KEYS_A_PAGE_DOWN);
	assert_int_equal(keys_lookup(m, KEYS_SIDEBAR, KEYS_SHIFT | KEYS_TAB),
	    KEYS_A_FOCUS_PREV);
	assert_int_equal(keys_lookup(m, KEYS_READING, 'x'), KEYS_A_NONE);
	/* "none" in a context hides the global binding there only. */
	keys_bind(m, KEYS_READING, 'j', KEYS_A_NONE);
	assert_int_equal(keys_lookup(m, KEYS_READING, 'j'), KEYS_A_NONE);
	assert_int_equal(keys_lookup(m, KEYS_LIST, 'j'), KEYS_A_DOWN);
	/* "none" in global removes the key everywhere that lacks its own. */
	keys_bind(m, KEYS_GLOBAL, 'q', KEYS_A_NONE);
	assert_int_equal(keys_lookup(m, KEYS_LIST, 'q'), KEYS_A_NONE);
	keys_bind(m, KEYS_LIST, 'q', KEYS_A_CLOSE);
	assert_int_equal(keys_lookup(m, KEYS_LIST, 'q'), KEYS_A_CLOSE);
	assert_int_equal(keys_lookup(m, KEYS_READING, 'q'), KEYS_A_NONE);
	/* Rebinding replaces. */
	keys_bind(m, KEYS_GLOBAL, 'k', KEYS_A_DOWN);
	assert_int_equal(keys_lookup(m, KEYS_HIGHLIGHTS, 'k'), KEYS_A_DOWN);
	keys_map_free(m);
}

static int
has_binding(const struct keys_binding *v, size_t n, uint32_t key,
    enum keys_action a)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].key == key && v[i].action == a)
			return 1;
	return 0;
}

/* The help overlay (keys_in_force) and the help table (keys_help) show
 * every default binding. */
static void
test_help_table(void **state)
{
	struct keys_map		*m = keys_map_defaults();
	struct keys_binding	*v;
	char			*help, *line, name[KEYS_NAMELEN], *cause;
	uint32_t		 key, other;
	size_t			 i, j, n, len;
	int			 ctx, c, a, shadowed;
	FILE			*f;

	(void)state;
	f = open_memstream(&help, &len);
	keys_help(f, m);
	fclose(f);
	for (i = 0; i < keys_ndefaults; i++) {
		ctx = keys_context_parse(keys_defaults[i].ctx);
		a = keys_action_parse(keys_defaults[i].action);
		assert_int_equal(keys_parse(keys_defaults[i].key, &key,
		    &cause), 0);
		for (c = 0; c < KEYS_NCONTEXTS; c++) {
			if (ctx != KEYS_GLOBAL && c != ctx)
				continue;
			/* A global default shows in a pane unless the pane
			 * binds the same key itself. */
			shadowed = 0;
			for (j = 0; j < keys_ndefaults; j++)
				if (c != KEYS_GLOBAL && ctx == KEYS_GLOBAL &&
				    keys_context_parse(keys_defaults[j].ctx) ==
				    c && keys_parse(keys_defaults[j].key,
				    &other, &cause) == 0 && other == key)
					shadowed = 1;
			n = keys_in_force(m, c, &v);
			assert_int_equal(has_binding(v, n, key, a), !shadowed);
			free(v);
		}
		line = xasprintf("  %-10s %-18s ", keys_name(key, name),
		    keys_defaults[i].action);
		if (strstr(help, line) == NULL)
			fail_msg("help lacks \"%s\"", line);
		free(line);
	}
	free(help);
	keys_map_free(m);
}

/* The man page lists every default binding under its context, every
 * action and every named key. */
static void
test_man(void **state)
{
	char		*man, *sect, *end, *want, *want2, *cause;
	char		 name[KEYS_NAMELEN];
	uint32_t	 key;
	size_t		 i, len;
	int		 a;

	(void)state;
	man = util_read_file("man/inkstone-config.5", 0, &len, &cause);
	assert_non_null(man);
	for (i = 0; i < keys_ndefaults; i++) {
		want = xasprintf(".Ss keys.%s\n", keys_defaults[i].ctx);
		sect = strstr(man, want);
		free(want);
		assert_non_null(sect);
		end = strstr(sect + 1, ".Ss ");
		if (end == NULL)
			end = man + len;
		want = xasprintf(".It Li %s Ta %s\n", keys_defaults[i].key,
		    keys_defaults[i].action);
		want2 = xasprintf(".It Li \\&%s Ta %s\n",
		    keys_defaults[i].key, keys_defaults[i].action);
		sect = strstr(sect, want) != NULL ? strstr(sect, want) :
		    strstr(sect, want2);
		if (sect == NULL || sect > end)
			fail_msg("inkstone-config.5 lacks %s in keys.%s", want,
			    keys_defaults[i].ctx);
		free(want);
		free(want2);
	}
	for (a = 0; a < KEYS_NACTIONS; a++) {
		want = xasprintf(".It Ic %s\n", keys_action_name(a));
		if (strstr(man, want) == NULL)
			fail_msg("inkstone-config.5 lacks action %s",
			    keys_action_name(a));
		free(want);
	}
	/* Every named key, by its canonical name. */
	for (key = KEYS_UP; key <= KEYS_ESCAPE; key++) {
		want = xasprintf(".Li %s", keys_name(key, name));
		if (strstr(man, want) == NULL)
			fail_msg("inkstone-config.5 lacks key %s", name);
		free(want);
	}
	free(man);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_from_char),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_help_table),
		cmocka_unit_test(test_man),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
