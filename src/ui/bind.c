/* bind: from what curses reads to keys.h keys and actions, and the lines
 * of the help overlay.  The bindings themselves are the config's (keys.h
 * defaults with the user's keys applied). */
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "inkstone/util.h"

static const struct {
	int		curses;
	uint32_t	key;
} fn_keys[] = {
	{ KEY_UP, KEYS_UP }, { KEY_DOWN, KEYS_DOWN },
	{ KEY_LEFT, KEYS_LEFT }, { KEY_RIGHT, KEYS_RIGHT },
	{ KEY_HOME, KEYS_HOME }, { KEY_END, KEYS_END },
	{ KEY_PPAGE, KEYS_PAGEUP }, { KEY_NPAGE, KEYS_PAGEDOWN },
	{ KEY_IC, KEYS_INSERT }, { KEY_DC, KEYS_DELETE },
	{ KEY_BACKSPACE, KEYS_BACKSPACE }, { KEY_ENTER, KEYS_ENTER },
	{ KEY_BTAB, KEYS_TAB | KEYS_SHIFT },
	{ KEY_SR, KEYS_UP | KEYS_SHIFT }, { KEY_SF, KEYS_DOWN | KEYS_SHIFT },
	{ KEY_SLEFT, KEYS_LEFT | KEYS_SHIFT },
	{ KEY_SRIGHT, KEYS_RIGHT | KEYS_SHIFT },
	{ KEY_SHOME, KEYS_HOME | KEYS_SHIFT },
	{ KEY_SEND, KEYS_END | KEYS_SHIFT },
};

uint32_t
bind_key(int is_fn, wint_t ch)
{
	size_t	i;
	int	n;

	if (!is_fn)
		return keys_from_char((uint32_t)ch);
	for (i = 0; i < sizeof fn_keys / sizeof fn_keys[0]; i++)
		if (fn_keys[i].curses == (int)ch)
			return fn_keys[i].key;
	for (n = 1; n <= KEYS_NFKEYS; n++)
		if ((int)ch == KEY_F(n))
			return KEYS_F(n);
	return 0;
}

/* The focused pane's context; while a selection is open in the reading
 * pane, KEYS_VISUAL, which bind_lookup reads before the pane's own. */
enum keys_context
bind_context(struct ui *ui)
{
	if (ui->visual && ui->focus == LAYOUT_READING)
		return KEYS_VISUAL;
	return ui->pane[ui->focus].ctx;
}

enum keys_action
bind_lookup(struct ui *ui, enum keys_context ctx, uint32_t key)
{
	int a;

	if (key == 0)
		return KEYS_A_NONE;
	if (ctx == KEYS_VISUAL) {
		if ((a = keys_lookup_own(ui->cfg.keys, KEYS_VISUAL, key)) != -1)
			return (enum keys_action)a;
		ctx = KEYS_READING;
	}
	return keys_lookup(ui->cfg.keys, ctx, key);
}

/*
 * keys.h has no default key for focus-list, which on a small terminal is
 * how the folded list comes back: give it L unless the user bound L.
 */
void
bind_defaults(struct ui *ui)
{
	if (keys_lookup(ui->cfg.keys, KEYS_GLOBAL, 'L') == KEYS_A_NONE)
		keys_bind(ui->cfg.keys, KEYS_GLOBAL, 'L', KEYS_A_FOCUS_LIST);
}

int
bind_supported(enum keys_action a)
{
	switch (a) {
	case KEYS_A_NONE:
		return 0;
	default:
		return 1;
	}
}

size_t
bind_help_lines(struct ui *ui, enum keys_context ctx, char ***out)
{
	struct keys_binding	*b;
	struct buf		 keys = { 0 };
	char			 name[KEYS_NAMELEN];
	size_t			 n, i, k = 0;

	n = keys_in_force(ui->cfg.keys, ctx, &b);
	*out = xcalloc(n + 2, sizeof **out);
	(*out)[k++] = ctx == KEYS_VISUAL ? xstrdup("while selecting (v), "
	    "besides the reading pane's:") : ctx == KEYS_TAGS ?
	    xstrdup("tag view (T):") : xasprintf("%s pane:",
	    keys_context_name(ctx));
	for (i = 0; i < n; i++) {
		/* The visual context falls back to the reading pane's. */
		if (!bind_supported(b[i].action) || (ctx == KEYS_VISUAL &&
		    b[i].ctx != KEYS_VISUAL))
			continue;
		if (keys.len > 0)
			buf_adds(&keys, " ");
		buf_adds(&keys, keys_name(b[i].key, name));
		if (i + 1 < n && b[i + 1].action == b[i].action)
			continue;
		(*out)[k++] = xasprintf("  %-18s %-18s %s", keys.data,
		    keys_action_name(b[i].action),
		    keys_action_help(b[i].action));
		buf_free(&keys);
	}
	buf_free(&keys);
	free(b);
	return k;
}

const char *
bind_key_name(struct ui *ui, enum keys_context ctx, enum keys_action a,
    char *buf)
{
	struct keys_binding	*b;
	const char		*r = NULL;
	size_t			 n, i;

	n = keys_in_force(ui->cfg.keys, ctx, &b);
	for (i = 0; i < n && r == NULL; i++)
		if (b[i].action == a)
			r = keys_name(b[i].key, buf);
	free(b);
	return r;
}
