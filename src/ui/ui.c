/* ui: the reader's event loop, layout, focus, signals and mouse. */
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pane.h"
#include "inkstone/store.h"
#include "inkstone/ui.h"
#include "inkstone/util.h"

static volatile sig_atomic_t	got_winch;
static volatile sig_atomic_t	got_signal;

static void
on_winch(int sig)
{
	(void)sig;
	got_winch = 1;
}

static void
on_exit_signal(int sig)
{
	got_signal = sig;
}

static void
set_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal must wake the poll() in the loop. */
	sa.sa_handler = on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	sa.sa_handler = on_exit_signal;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	free(ui->message);
	va_start(ap, fmt);
	ui->message = xvasprintf(fmt, ap);
	va_end(ap);
	ui->message_error = error;
}

/* The list's toggle, with one twist: on a terminal too small for the list,
 * the list stands in for the reading pane's emptiness while no article is
 * open. */
static void
compute_layout(struct ui *ui)
{
	int	eff[LAYOUT_NPANES];

	memcpy(eff, ui->toggled, sizeof eff);
	layout_compute(ui->cols, ui->rows, eff, ui->zoom, &ui->lay);
	if (ui->lay.collapsed[LAYOUT_LIST] && ui->open < 0) {
		eff[LAYOUT_LIST] ^= 1;
		layout_compute(ui->cols, ui->rows, eff, ui->zoom, &ui->lay);
	}
}

static void
relayout(struct ui *ui)
{
	struct pane	*p;
	int		 i, y;
	cchar_t		 bar;
	short		 pair;
	attr_t		 a;

	compute_layout(ui);
	for (i = 0; i < LAYOUT_NPANES; i++) {
		p = &ui->pane[i];
		if (p->win != NULL)
			delwin(p->win);
		p->win = NULL;
		p->r = ui->lay.pane[i];
		if (p->r.h > 0)
			p->win = newwin(p->r.h, p->r.w, p->r.y, p->r.x);
	}
	if (ui->statuswin != NULL)
		delwin(ui->statuswin);
	ui->statuswin = NULL;
	if (ui->helpwin != NULL)
		delwin(ui->helpwin);
	ui->helpwin = NULL;
	werase(stdscr);
	if (ui->lay.too_small) {
		draw_text(stdscr, 0, 0, ui->cols, "terminal", 8, THEME_STATUS_ERROR);
		if (ui->rows > 1)
			draw_text(stdscr, 1, 0, ui->cols, "too small", 9,
			    THEME_STATUS_ERROR);
		wnoutrefresh(stdscr);
		return;
	}
	ui->statuswin = newwin(1, ui->cols, ui->rows - 1, 0);
	if (ui->help)
		ui->helpwin = newwin(ui->rows - 1, ui->cols, 0, 0);
	if (!ui->lay.shown[ui->focus])
		ui->focus = LAYOUT_READING;
	a = draw_attr(THEME_BORDER, &pair);
	setcchar(&bar, L"\u2502", a, pair, NULL);
	for (i = 0; i < 2; i++)
		if (ui->lay.sep_x[i] >= 0)
			for (y = 0; y < ui->lay.sep_h; y++)
				mvwadd_wch(stdscr, y, ui->lay.sep_x[i], &bar);
	wnoutrefresh(stdscr);
	listmodel_set_height(&ui->list, ui->pane[LAYOUT_LIST].r.h - 1);
	listmodel_set_height(&ui->side, ui->pane[LAYOUT_SIDEBAR].r.h - 1);
	reading_relayout(ui);
}

static void
paint(struct ui *ui, int flags)
{
	struct pane	*p;
	int		 i;

	if (ui->lay.too_small) {
		doupdate();
		return;
	}
	if (ui->help) {
		help_draw(ui);
		wnoutrefresh(ui->helpwin);
	} else
		for (i = 0; i < LAYOUT_NPANES; i++) {
			p = &ui->pane[i];
			if (p->win == NULL || !(flags & (1 << i)))
				continue;
			werase(p->win);
			p->draw(ui, p);
			wnoutrefresh(p->win);
		}
	if (flags & REDRAW_STATUS) {
		werase(ui->statuswin);
		status_draw(ui);
		wnoutrefresh(ui->statuswin);
	}
	doupdate();
}

static void
resize(struct ui *ui)
{
	struct winsize	ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resize_term(ws.ws_row, ws.ws_col);
	/* The terminal may have reflowed or cut what it showed: repaint
	 * everything rather than trust curses' copy of the screen. */
	clearok(curscr, TRUE);
	ui->rows = LINES;
	ui->cols = COLS;
}

static int
cycle_focus(struct ui *ui, int dir)
{
	int	i, f = ui->focus;

	for (i = 0; i < LAYOUT_NPANES; i++) {
		f = (f + dir + LAYOUT_NPANES) % LAYOUT_NPANES;
		if (ui->lay.shown[f])
			break;
	}
	if (f == ui->focus)
		return 0;
	ui->focus = f;
	return REDRAW_PANES | REDRAW_STATUS;
}

static int
toggle(struct ui *ui, int p)
{
	ui->toggled[p] ^= 1;
	ui->zoom = -1;
	compute_layout(ui);
	if (ui->lay.shown[p])
		ui->focus = p;
	else if (ui->focus == p)
		ui->focus = LAYOUT_READING;
	return REDRAW_LAYOUT;
}

int
ui_open_selected(struct ui *ui)
{
	const struct library_entry	*e = list_selected(ui);

	if (e == NULL)
		return 0;
	ui->open = (long)(e - ui->lib->v);
	state_mark_read(ui, e);
	reading_reset(ui);
	highlights_reset(ui);
	sidebar_reset(ui);
	ui->focus = LAYOUT_READING;
	if (e->error != NULL)
		ui_message(ui, 1, "%s", e->error);
	return REDRAW_LAYOUT;
}

int
ui_close_article(struct ui *ui)
{
	ui->open = -1;
	reading_reset(ui);
	highlights_reset(ui);
	sidebar_reset(ui);
	ui->zoom = -1;
	ui->focus = LAYOUT_LIST;
	compute_layout(ui);
	if (!ui->lay.shown[LAYOUT_LIST])
		ui->focus = LAYOUT_READING;
	return REDRAW_LAYOUT;
}

static int
focus_pane(struct ui *ui, int p)
{
	ui->zoom = -1;
	compute_layout(ui);
	if (!ui->lay.shown[p])
		return toggle(ui, p);
	if (ui->focus == p && ui->lay.collapsed[p] && p != LAYOUT_READING)
		return toggle(ui, p);	/* asked again: fold it away */
	ui->focus = p;
	return REDRAW_PANES | REDRAW_STATUS;
}

static int
ask(struct ui *ui, enum prompt what)
{
	ui->prompting = what;
	buf_free(&ui->prompt);
	buf_add(&ui->prompt, "", 0);
	return REDRAW_STATUS;
}

static int
act_global(struct ui *ui, enum keys_action a)
{
	switch (a) {
	case KEYS_A_QUIT:
		/* q closes the article first, then quits. */
		if (ui->open >= 0)
			return ui_close_article(ui);
		ui->quit = 1;
		return 0;
	case KEYS_A_CLOSE:
		if (ui->zoom >= 0) {
			ui->zoom = -1;
			return REDRAW_LAYOUT;
		}
		marks_free(&ui->matches);
		marks_free(&ui->mentions);
		ui->jump = NULL;
		return REDRAW_READING;
	case KEYS_A_FOCUS_NEXT:
		return cycle_focus(ui, 1);
	case KEYS_A_FOCUS_PREV:
		return cycle_focus(ui, -1);
	case KEYS_A_FOCUS_LIST:
		return focus_pane(ui, LAYOUT_LIST);
	case KEYS_A_FOCUS_READING:
		return focus_pane(ui, LAYOUT_READING);
	case KEYS_A_FOCUS_HIGHLIGHTS:
		return focus_pane(ui, LAYOUT_HIGHLIGHTS);
	case KEYS_A_FOCUS_SIDEBAR:
		return focus_pane(ui, LAYOUT_SIDEBAR);
	case KEYS_A_HELP:
		ui->help = 1;
		ui->help_top = 0;
		return REDRAW_LAYOUT;
	case KEYS_A_ZOOM:
		ui->zoom = ui->zoom >= 0 ? -1 : ui->focus;
		return REDRAW_LAYOUT;
	case KEYS_A_TOGGLE_HIGHLIGHTS:
		return toggle(ui, LAYOUT_HIGHLIGHTS);
	case KEYS_A_TOGGLE_SIDEBAR:
		return toggle(ui, LAYOUT_SIDEBAR);
	case KEYS_A_CLEAR_FILTER:
		free(ui->filter);
		free(ui->entity_filter);
		ui->filter = ui->entity_filter = NULL;
		return ui_refilter(ui);
	case KEYS_A_REDRAW:
		clearok(curscr, TRUE);
		return REDRAW_LAYOUT;
	case KEYS_A_SEARCH:
		return ask(ui, PROMPT_SEARCH);
	case KEYS_A_FILTER_ENTITY:
		return ask(ui, PROMPT_ENTITY_FILTER);
	case KEYS_A_SEARCH_NEXT:
		return reading_jump(ui, 1);
	case KEYS_A_SEARCH_PREV:
		return reading_jump(ui, -1);
	case KEYS_A_NEXT_ARTICLE:
	case KEYS_A_PREV_ARTICLE:
		if (!listmodel_move(&ui->list,
		    a == KEYS_A_NEXT_ARTICLE ? 1 : -1))
			return 0;
		return ui_open_selected(ui);
	default:
		if (!bind_supported(a))
			ui_message(ui, 1, "%s is not available in this "
			    "version", keys_action_name(a));
		return REDRAW_STATUS;
	}
}

/* Actions that change the state store, from any pane. */
static int
act_state(struct ui *ui, enum keys_action a)
{
	switch (a) {
	case KEYS_A_TAG:
		return ask(ui, PROMPT_TAG);
	case KEYS_A_FILTER_TAG:
		return ask(ui, PROMPT_TAG_FILTER);
	case KEYS_A_TOGGLE_READ:
		return ui_toggle_read(ui);
	case KEYS_A_RELOAD:
		return ui_reload(ui);
	default:
		if (a >= KEYS_A_QUICK_TAG_1 && a <= KEYS_A_QUICK_TAG_9)
			return ui_quick_tag(ui, a - KEYS_A_QUICK_TAG_1);
		return -1;
	}
}

static int
dispatch(struct ui *ui, enum keys_action a)
{
	struct pane	*p = &ui->pane[ui->focus];
	int		 r;

	if (a == KEYS_A_NONE)
		return 0;
	if (ui->help)
		return help_key(ui, a);
	if (p->key != NULL && (r = p->key(ui, a)) != -1)
		return r;
	if ((r = act_state(ui, a)) != -1)
		return r;
	return act_global(ui, a);
}

static int
mouse(struct ui *ui)
{
	MEVENT		 ev;
	struct pane	*p;
	int		 hit, r = 0;

	if (getmouse(&ev) != OK || ui->help || ui->lay.too_small)
		return 0;
	hit = layout_hit(&ui->lay, ev.y, ev.x);
	if (hit < 0)
		return 0;
	p = &ui->pane[hit];
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		if (p->wheel != NULL)
			r = p->wheel(ui, (ev.bstate & BUTTON5_PRESSED) ? 1 : -1);
		return r;
	}
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
		if (ui->focus != hit) {
			ui->focus = hit;
			r = REDRAW_PANES | REDRAW_STATUS;
		}
		if (p->click != NULL)
			r |= p->click(ui, ev.y - p->r.y, ev.x - p->r.x);
	}
	return r;
}

static int
input(struct ui *ui)
{
	wint_t	ch;
	int	r, flags = 0;

	while ((r = get_wch(&ch)) != ERR && !ui->quit) {
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			got_winch = 1;
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			flags |= mouse(ui);
			continue;
		}
		if (ui->lay.too_small) {
			/* Nothing to see, but q still quits. */
			if (bind_lookup(ui, KEYS_GLOBAL, bind_key(r ==
			    KEY_CODE_YES, ch)) == KEYS_A_QUIT)
				ui->quit = 1;
			continue;
		}
		if (ui->prompting) {
			flags |= status_prompt_key(ui, r == KEY_CODE_YES, ch);
			continue;
		}
		if (ui->message != NULL) {
			free(ui->message);
			ui->message = NULL;
			flags |= REDRAW_STATUS;
		}
		flags |= dispatch(ui, bind_lookup(ui, ui->help ? KEYS_GLOBAL :
		    ui->pane[ui->focus].ctx, bind_key(r == KEY_CODE_YES, ch)));
		/* Keys typed ahead must see the new layout (focus cycling
		 * walks the panes shown). */
		if (flags & REDRAW_LAYOUT)
			compute_layout(ui);
	}
	return flags;
}

/* Refuses what is not a terminal, and TERM unset.  Returns 0, or -1 with
 * a message printed. */
static int
check_terminal(void)
{
	const char	*term = getenv("TERM");

	if (term == NULL || *term == '\0') {
		fputs("inkstone: TERM is not set; the reader needs a terminal "
		    "(try TERM=xterm-256color)\n", stderr);
		return -1;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("inkstone: the reader needs a terminal on standard "
		    "input and output (for text on a pipe, try inkstone "
		    "dump)\n", stderr);
		return -1;
	}
	return 0;
}

/* Starts curses, refusing terminals it cannot drive: TERM unknown to
 * terminfo, or one that cannot move the cursor (dumb).  Returns the
 * screen, or NULL with a message printed. */
static SCREEN *
start_terminal(void)
{
	const char	*term = getenv("TERM");
	SCREEN		*sp;
	char		*cup;

	sp = newterm(NULL, stdout, stdin);
	if (sp == NULL) {
		fprintf(stderr, "inkstone: TERM=%s: unknown terminal type\n",
		    term);
		return NULL;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(sp);
		fprintf(stderr, "inkstone: TERM=%s: the terminal cannot move "
		    "the cursor, so the reader cannot run\n", term);
		return NULL;
	}
	return sp;
}

static void
ui_free(struct ui *ui)
{
	int i;

	for (i = 0; i < LAYOUT_NPANES; i++)
		if (ui->pane[i].win != NULL)
			delwin(ui->pane[i].win);
	if (ui->statuswin != NULL)
		delwin(ui->statuswin);
	if (ui->helpwin != NULL)
		delwin(ui->helpwin);
	ui->open = -1;
	reading_reset(ui);
	highlights_reset(ui);
	sidebar_free(ui);
	state_close(ui);
	store_filter_free(ui->tag_filter);
	free(ui->tag_expr);
	theme_free(&ui->theme);
	config_free(&ui->cfg);
	library_free(ui->lib);
	free(ui->libpath);
	free(ui->liberr);
	free(ui->view);
	free(ui->read);
	free(ui->filter);
	free(ui->entity_filter);
	free(ui->query);
	free(ui->message);
	buf_free(&ui->prompt);
}

/* Loads the config; a broken one is reported in full and stops the
 * reader (status 2), as everywhere else. */
static int
load_config(struct ui *ui)
{
	char	**errors = NULL;
	size_t	  nerrors = 0, i;

	if (config_load_default(ui->g != NULL ? ui->g->config : NULL, &ui->cfg,
	    &errors, &nerrors) == 0)
		return 0;
	for (i = 0; i < nerrors; i++)
		fprintf(stderr, "inkstone: %s\n", errors[i]);
	config_errors_free(errors, nerrors);
	return -1;
}

static int
load_library(struct ui *ui, const char *path)
{
	struct stat	 st;
	char		*cause = NULL;

	if (path == NULL)
		path = ui->cfg.library;
	if (path == NULL) {
		path = "articles";
		if (stat(path, &st) != 0) {
			/* No library yet: the empty state explains. */
			ui->libpath = xstrdup(path);
			ui->lib = xcalloc(1, sizeof *ui->lib);
			ui->lib->root = xstrdup(path);
			return 0;
		}
	}
	ui->libpath = xstrdup(path);
	ui->lib = library_open(path, &cause);
	if (ui->lib == NULL) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

static void
loop(struct ui *ui)
{
	struct pollfd	pfd;
	int		flags = REDRAW_LAYOUT;

	pfd.fd = STDIN_FILENO;
	pfd.events = POLLIN;
	while (!ui->quit && !got_signal) {
		if (got_winch) {
			got_winch = 0;
			resize(ui);
			flags |= REDRAW_LAYOUT;
		}
		if (flags & REDRAW_LAYOUT)
			relayout(ui);
		if (flags != 0)
			paint(ui, (flags & REDRAW_LAYOUT) ? REDRAW_ALL : flags);
		flags = 0;
		if (poll(&pfd, 1, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) {
			/* The terminal went away: leave now, do not spin. */
			got_signal = SIGHUP;
			break;
		}
		flags = input(ui);
	}
}

int
ui_run(const char *path, const struct globals *g)
{
	struct ui	 ui;
	SCREEN		*sp;
	int		 status;

	setlocale(LC_ALL, "");
	if (check_terminal() == -1)
		return EXIT_USAGE;
	memset(&ui, 0, sizeof ui);
	ui.g = g;
	ui.open = -1;
	ui.zoom = -1;
	if (load_config(&ui) == -1) {
		config_free(&ui.cfg);
		return EXIT_USAGE;
	}
	bind_defaults(&ui);
	ui.toggled[LAYOUT_LIST] = !ui.cfg.show_list;
	ui.toggled[LAYOUT_HIGHLIGHTS] = !ui.cfg.show_highlights;
	ui.toggled[LAYOUT_SIDEBAR] = !ui.cfg.show_sidebar;
	ui.sort = ui.cfg.sort_by == CONFIG_SORT_TITLE ? LIBRARY_SORT_TITLE :
	    ui.cfg.sort_by == CONFIG_SORT_SOURCE ? LIBRARY_SORT_SOURCE :
	    LIBRARY_SORT_DATE;
	if (load_library(&ui, path) == -1) {
		ui_free(&ui);
		return EXIT_RUNTIME;
	}
	library_sort(ui.lib, ui.sort);
	ui.view = xcalloc(ui.lib->n + 1, sizeof *ui.view);
	ui.read = xcalloc(ui.lib->n + 1, 1);
	state_open(&ui);
	list_init(&ui, &ui.pane[LAYOUT_LIST]);
	reading_init(&ui, &ui.pane[LAYOUT_READING]);
	highlights_init(&ui, &ui.pane[LAYOUT_HIGHLIGHTS]);
	sidebar_init(&ui, &ui.pane[LAYOUT_SIDEBAR]);
	ui_refilter(&ui);

	if ((sp = start_terminal()) == NULL) {
		ui_free(&ui);
		return EXIT_USAGE;
	}
	set_signals();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	draw_init_colours(&ui);
	ui.rows = LINES;
	ui.cols = COLS;
	ui.focus = LAYOUT_LIST;
	loop(&ui);
	endwin();
	status = got_signal ? 128 + got_signal : 0;
	ui_free(&ui);
	delscreen(sp);
	return status;
}
