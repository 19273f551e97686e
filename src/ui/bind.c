/* bind: the default key bindings, written the way a user writes them
 * (context, key name, action name), and lookup from a key to an action. */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/util.h"

/* Function keys are kept apart from code points by this bit. */
#define KEY_FN		0x40000000

struct action_info {
	const char	*name;
	const char	*help;
};

static const struct action_info actions[ACT_COUNT] = {
	[ACT_NONE] =		{ "none", "" },
	[ACT_DOWN] =		{ "down", "move or scroll down one line" },
	[ACT_UP] =		{ "up", "move or scroll up one line" },
	[ACT_PAGE_DOWN] =	{ "page-down", "one page down" },
	[ACT_PAGE_UP] =		{ "page-up", "one page up" },
	[ACT_TOP] =		{ "top", "go to the first line" },
	[ACT_BOTTOM] =		{ "bottom", "go to the last line" },
	[ACT_OPEN] =		{ "open", "open the selection" },
	[ACT_CLOSE] =		{ "close", "close the article, or quit" },
	[ACT_QUIT] =		{ "quit", "quit at once" },
	[ACT_FOCUS_NEXT] =	{ "focus-next", "focus the next pane" },
	[ACT_FOCUS_PREV] =	{ "focus-prev", "focus the previous pane" },
	[ACT_SEARCH] =		{ "search", "search the article" },
	[ACT_SEARCH_NEXT] =	{ "search-next", "next match or mention" },
	[ACT_SEARCH_PREV] =	{ "search-prev", "previous match or mention" },
	[ACT_HELP] =		{ "help", "show the keys in force" },
	[ACT_ZOOM] =		{ "zoom", "zoom the focused pane, and back" },
	[ACT_TOGGLE_LIST] =	{ "toggle-list", "show or hide the article list" },
	[ACT_TOGGLE_HIGHLIGHTS] = { "toggle-highlights", "show or hide the highlights" },
	[ACT_TOGGLE_SIDEBAR] =	{ "toggle-sidebar", "show or hide the entity sidebar" },
	[ACT_SORT] =		{ "sort", "sort by date, title, source" },
	[ACT_FILTER] =		{ "filter", "filter the list by text (titles, bodies)" },
	[ACT_FILTER_ENTITY] =	{ "filter-entity", "filter the list to articles naming the entity" },
	[ACT_CLEAR_FILTER] =	{ "clear-filter", "show every article again" },
	[ACT_REDRAW] =		{ "redraw", "redraw the screen" },
};

static const char *const ctx_names[CTX_COUNT] = {
	"global", "list", "reading", "highlights", "sidebar", "help"
};

struct binding {
	enum bind_ctx	 ctx;
	const char	*key;
	enum action	 act;
};

/* The defaults, in the order the help overlay lists them. */
static const struct binding defaults[] = {
	{ CTX_GLOBAL, "j", ACT_DOWN }, { CTX_GLOBAL, "Down", ACT_DOWN },
	{ CTX_GLOBAL, "k", ACT_UP }, { CTX_GLOBAL, "Up", ACT_UP },
	{ CTX_GLOBAL, "Space", ACT_PAGE_DOWN },
	{ CTX_GLOBAL, "PageDown", ACT_PAGE_DOWN },
	{ CTX_GLOBAL, "b", ACT_PAGE_UP }, { CTX_GLOBAL, "PageUp", ACT_PAGE_UP },
	{ CTX_GLOBAL, "g", ACT_TOP }, { CTX_GLOBAL, "Home", ACT_TOP },
	{ CTX_GLOBAL, "G", ACT_BOTTOM }, { CTX_GLOBAL, "End", ACT_BOTTOM },
	{ CTX_GLOBAL, "Enter", ACT_OPEN },
	{ CTX_GLOBAL, "q", ACT_CLOSE }, { CTX_GLOBAL, "Q", ACT_QUIT },
	{ CTX_GLOBAL, "Tab", ACT_FOCUS_NEXT },
	{ CTX_GLOBAL, "BTab", ACT_FOCUS_PREV },
	{ CTX_GLOBAL, "/", ACT_SEARCH },
	{ CTX_GLOBAL, "n", ACT_SEARCH_NEXT },
	{ CTX_GLOBAL, "N", ACT_SEARCH_PREV },
	{ CTX_GLOBAL, "?", ACT_HELP },
	{ CTX_GLOBAL, "z", ACT_ZOOM },
	{ CTX_GLOBAL, "L", ACT_TOGGLE_LIST },
	{ CTX_GLOBAL, "H", ACT_TOGGLE_HIGHLIGHTS },
	{ CTX_GLOBAL, "E", ACT_TOGGLE_SIDEBAR },
	{ CTX_GLOBAL, "x", ACT_CLEAR_FILTER },
	{ CTX_GLOBAL, "C-l", ACT_REDRAW },
	{ CTX_LIST, "s", ACT_SORT },
	{ CTX_LIST, "/", ACT_FILTER },
	{ CTX_SIDEBAR, "f", ACT_FILTER_ENTITY },
	{ CTX_HELP, "q", ACT_CLOSE }, { CTX_HELP, "Esc", ACT_CLOSE },
	{ CTX_HELP, "?", ACT_CLOSE },
};

static const struct {
	const char	*name;
	int		 key;
} key_names[] = {
	{ "Space", ' ' }, { "Enter", '\n' }, { "Tab", '\t' }, { "Esc", 27 },
	{ "Down", KEY_FN | KEY_DOWN }, { "Up", KEY_FN | KEY_UP },
	{ "Left", KEY_FN | KEY_LEFT }, { "Right", KEY_FN | KEY_RIGHT },
	{ "PageDown", KEY_FN | KEY_NPAGE }, { "PageUp", KEY_FN | KEY_PPAGE },
	{ "Home", KEY_FN | KEY_HOME }, { "End", KEY_FN | KEY_END },
	{ "BTab", KEY_FN | KEY_BTAB }, { "C-l", 12 },
};

static int
key_by_name(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strcmp(key_names[i].name, name) == 0)
			return key_names[i].key;
	return (unsigned char)name[0];
}

int
bind_key_from_wch(int is_fn, wint_t ch)
{
	if (is_fn) {
		if (ch == KEY_ENTER)
			return '\n';
		return KEY_FN | (int)ch;
	}
	if (ch == '\r')
		return '\n';
	return (int)ch;
}

enum action
bind_lookup(enum bind_ctx ctx, int key)
{
	size_t	i;
	int	pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
			if (defaults[i].ctx != (pass == 0 ? ctx : CTX_GLOBAL))
				continue;
			if (key_by_name(defaults[i].key) == key)
				return defaults[i].act;
		}
	return ACT_NONE;
}

const char *
bind_action_help(enum action a)
{
	return actions[a].help;
}

/* 1 if key is bound in ctx itself, so the global binding is shadowed. */
static int
shadowed(enum bind_ctx ctx, const char *key)
{
	size_t i;

	if (ctx == CTX_GLOBAL)
		return 0;
	for (i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
		if (defaults[i].ctx == ctx && strcmp(defaults[i].key, key) == 0)
			return 1;
	return 0;
}

size_t
bind_help_lines(enum bind_ctx ctx, char ***lines)
{
	struct buf	 keys = { 0 };
	size_t		 n = 0, i;
	int		 a, pass;
	enum bind_ctx	 c;

	*lines = xcalloc(2 * ACT_COUNT + 2, sizeof **lines);
	for (pass = 0; pass < 2; pass++) {
		c = pass == 0 ? ctx : CTX_GLOBAL;
		if (pass == 1 && ctx == CTX_GLOBAL)
			break;
		(*lines)[n++] = xasprintf("%s keys:", ctx_names[c]);
		for (a = 1; a < ACT_COUNT; a++) {
			for (i = 0; i < sizeof defaults / sizeof defaults[0];
			    i++) {
				if (defaults[i].ctx != c ||
				    (int)defaults[i].act != a ||
				    (pass == 1 && shadowed(ctx, defaults[i].key)))
					continue;
				if (keys.len > 0)
					buf_adds(&keys, " ");
				buf_adds(&keys, defaults[i].key);
			}
			if (keys.len == 0)
				continue;
			(*lines)[n++] = xasprintf("  %-16s %s (%s)", keys.data,
			    actions[a].help, actions[a].name);
			buf_free(&keys);
		}
	}
	return n;
}
