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
#include <time.h>
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
	/* The handlers only set flags; the loop in ppoll() acts on them. */
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
void
ui_compute_layout(struct ui *ui)
{
	struct layout_opts	o;
	int			eff[LAYOUT_NPANES];

	o.side_width = ui->cfg.sidebar_width;
	o.side_left = ui->cfg.sidebar_side == CONFIG_LEFT;
	o.hl_rows = ui->cfg.highlights_height > 0 ?
	    ui->cfg.highlights_height + 1 : 0;
	memcpy(eff, ui->toggled, sizeof eff);
	layout_compute(ui->cols, ui->rows, eff, ui->zoom, &o, &ui->lay);
	if (ui->lay.collapsed[LAYOUT_LIST] && ui->open < 0) {
		eff[LAYOUT_LIST] ^= 1;
		layout_compute(ui->cols, ui->rows, eff, ui->zoom, &o, &ui->lay);
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

	ui_compute_layout(ui);
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
	listmodel_set_height(&ui->tagl, ui->pane[LAYOUT_LIST].r.h - 1);
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
		flags |= ui_dispatch(ui, bind_lookup(ui, ui->help ? KEYS_GLOBAL :
		    bind_context(ui), bind_key(r == KEY_CODE_YES, ch)));
		/* Keys typed ahead must see the new layout (focus cycling
		 * walks the panes shown). */
		if (flags & REDRAW_LAYOUT)
			ui_compute_layout(ui);
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
	char	*cause = NULL;
	int	 i, changed;

	for (i = 0; i < LAYOUT_NPANES; i++)
		if (ui->pane[i].win != NULL)
			delwin(ui->pane[i].win);
	if (ui->statuswin != NULL)
		delwin(ui->statuswin);
	if (ui->helpwin != NULL)
		delwin(ui->helpwin);
	if (ui->indexer != NULL) {
		/* What it parsed so far is in the cache already. */
		library_free(indexer_finish(ui->indexer, &changed, &cause));
		free(cause);
	}
	ui->open = -1;
	reading_reset(ui);
	highlights_reset(ui);
	sidebar_free(ui);
	entedit_free(ui);
	state_close(ui);
	store_filter_free(ui->tag_filter);
	free(ui->tag_expr);
	tagview_free(ui);
	marks_free(&ui->keeping);
	theme_free(&ui->theme);
	config_free(&ui->cfg);
	library_free(ui->lib);
	free(ui->libpath);
	free(ui->liberr);
	free(ui->view);
	free(ui->read);
	free(ui->marked);
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
	struct library_opts	 o;
	struct stat		 st;
	char			*cause = NULL, *cache;

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
	/* A folder opens from its index as it stands (empty without one),
	 * so the first frame needs no article read; the indexer brings it
	 * up to date behind the reader's back. */
	memset(&o, 0, sizeof o);
	o.cache_dir = cache = util_cache_dir();
	o.no_refresh = 1;
	ui->lib = library_open_with(path, &o, &cause);
	free(cache);
	if (ui->lib == NULL) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		return -1;
	}
	/* After the first frame: until then it would only compete. */
	ui->indexer_pending = !ui->lib->single;
	return 0;
}

/* Rescans a folder library in the background: 0 if that is under way, 1
 * if it had to be done here and now (no thread to be had), -1 for a
 * library of one file, which has no index to refresh. */
int
ui_start_indexer(struct ui *ui)
{
	struct library_opts	 o;
	struct entity_db	*db;
	struct libindex		*fresh;
	char			*cause = NULL;
	int			 status;

	if (ui->lib->single)
		return -1;
	if (ui->indexer != NULL)
		return 0;
	ui->indexer = indexer_start(ui->lib, ui->g != NULL ?
	    ui->g->data_dir : NULL);
	if (ui->indexer != NULL)
		return 0;
	/* The thread's work, taken in as indexed() takes the thread's: the
	 * library on screen is replaced whole, never refreshed under the
	 * open article and the per-entry arrays. */
	memset(&o, 0, sizeof o);
	o.cache_dir = util_cache_dir();
	if ((db = entity_db_load_default(ui->g != NULL ? ui->g->data_dir :
	    NULL, &cause)) == NULL) {
		free(cause);
		cause = NULL;
	}
	o.db = db;
	fresh = library_index_update(ui->lib->root, ui->lib->cache,
	    ui->lib->index, &o, &status, &cause);
	if (status == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else if (fresh != NULL)
		ui_adopt_library(ui, library_over_index(ui->lib->root,
		    ui->lib->cache, fresh));
	if (db != NULL)
		entity_db_free(db);
	free((char *)o.cache_dir);
	return 1;
}

/* The indexer is done: take its library if it found changes. */
static int
indexed(struct ui *ui)
{
	struct library	*lib;
	char		*cause = NULL;
	int		 changed;

	lib = indexer_finish(ui->indexer, &changed, &cause);
	ui->indexer = NULL;
	/* The entities changed while it ran, with the database it loaded
	 * when it started: once more, with the new one. */
	if (ui->entities_stale) {
		ui->entities_stale = 0;
		ui->indexer_pending = 1;
	}
	if (cause != NULL) {
		library_free(lib);
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return REDRAW_STATUS;
	}
	if (!changed) {
		library_free(lib);
		if (ui->reload_asked)
			ui_message(ui, 0, "%zu articles, none changed",
			    ui->lib->n);
		ui->reload_asked = 0;
		return REDRAW_STATUS;
	}
	ui_adopt_library(ui, lib);
	if (ui->reload_asked || ui->message == NULL)
		ui_message(ui, 0, "%zu articles", ui->lib->n);
	ui->reload_asked = 0;
	return REDRAW_LAYOUT;
}

static uint64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000;
}

/* INKSTONE_LATENCY_LOG=FILE: one line per batch of keys read, the
 * microseconds from reading them to the screen updated (for make bench). */
static FILE *
latency_log(void)
{
	const char *path = getenv("INKSTONE_LATENCY_LOG");

	if (path == NULL || *path == '\0')
		return NULL;
	return fopen(path, "ae");
}

static void
loop(struct ui *ui)
{
	struct pollfd	pfd[2];
	sigset_t	block, wait;
	int		flags = REDRAW_LAYOUT, keyed;
	FILE		*lat = latency_log();
	uint64_t	 t0 = 0;

	/*
	 * The signals the loop handles stay blocked except inside ppoll(),
	 * which unblocks them atomically: one that arrives while the loop
	 * is busy wakes the next ppoll() at once instead of waiting for a
	 * key.
	 */
	sigemptyset(&block);
	sigaddset(&block, SIGWINCH);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	/*
	 * Inside ppoll() the mask is the one we were started with: a caller
	 * that blocked SIGHUP (or SIGINT, SIGTERM) keeps it blocked, and a
	 * hangup is then seen on the terminal itself (POLLHUP below).
	 * SIGWINCH is ours to take whatever the caller did.
	 */
	sigprocmask(SIG_BLOCK, &block, &wait);
	ui->sigmask = wait;
	sigdelset(&wait, SIGWINCH);
	pfd[0].fd = STDIN_FILENO;
	pfd[0].events = POLLIN;
	pfd[1].events = POLLIN;
	keyed = 0;
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
		if (ui->indexer_pending) {
			ui->indexer_pending = 0;
			ui_start_indexer(ui);
		}
		if (keyed && lat != NULL) {
			fprintf(lat, "%llu\n", (unsigned long long)(now_us() - t0));
			fflush(lat);
		}
		flags = keyed = 0;
		pfd[1].fd = ui->indexer != NULL ? indexer_fd(ui->indexer) : -1;
		pfd[0].revents = pfd[1].revents = 0;
		if (ppoll(pfd, 2, NULL, &wait) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			/* The terminal went away: leave now, do not spin. */
			got_signal = SIGHUP;
			break;
		}
		if (pfd[1].revents & POLLIN) {
			if (indexer_poll(ui->indexer))
				flags |= indexed(ui);
			else	/* progress */
				flags |= REDRAW_STATUS |
				    (ui->lib->n == 0 ? REDRAW_LIST : 0);
		}
		if (pfd[0].revents & POLLIN) {
			t0 = now_us();
			keyed = 1;
			flags |= input(ui);
		}
	}
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	if (lat != NULL)
		fclose(lat);
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
	    ui.cfg.sort_by == CONFIG_SORT_PATH ? LIBRARY_SORT_PATH :
	    LIBRARY_SORT_DATE;
	if (load_library(&ui, path) == -1) {
		ui_free(&ui);
		return EXIT_RUNTIME;
	}
	ui_sort(&ui);
	ui.view = xcalloc(ui.lib->n + 1, sizeof *ui.view);
	ui.read = xcalloc(ui.lib->n + 1, 1);
	ui.marked = xcalloc(ui.lib->n + 1, 1);
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
