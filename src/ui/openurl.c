/* openurl: the open-url action.  browser.h checks the URL and builds the
 * command; here curses steps aside while the command runs in the
 * foreground, so that a terminal browser (w3m, lynx) gets the terminal and
 * a graphical one (through xdg-open) returns at once.  No shell: the
 * vector goes to execv as it is, the command found in PATH beforehand. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pane.h"
#include "inkstone/browser.h"

/* What the reader or curses may have caught or ignored: the command gets
 * them back at their defaults (exec keeps an ignored signal ignored). */
static const int	child_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGWINCH, SIGTSTP,
	SIGTTIN, SIGTTOU, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2
};
#define NCHILD_SIGNALS	(sizeof child_signals / sizeof child_signals[0])

/*
 * In the child, between fork and exec: only async-signal-safe calls (the
 * indexer thread may hold locks).  The signal mask becomes the one the
 * reader was started with, not the loop's.  A failed exec sends its errno
 * up the close-on-exec pipe; a successful one closes the pipe empty.
 */
static void __attribute__((noreturn))
child(const sigset_t *mask, const char *path, char **argv, int fd)
{
	struct sigaction	dfl;
	size_t			i;
	int			err;

	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	for (i = 0; i < NCHILD_SIGNALS; i++)
		sigaction(child_signals[i], &dfl, NULL);
	sigprocmask(SIG_SETMASK, mask, NULL);
	execv(path, argv);
	err = errno;
	if (write(fd, &err, sizeof err) != (ssize_t)sizeof err)
		_exit(126);
	_exit(127);
}

/*
 * The file that runs as cmd, found as execvp would find it (a name with a
 * slash as it is, else the first executable regular file of that name in
 * PATH), but here, before the fork: execvp is not async-signal-safe, and
 * the child of a process with threads may only make such calls.
 * Allocated, or NULL with errno set.
 */
static char *
find_command(const char *cmd)
{
	const char	*path = getenv("PATH"), *p, *end;
	struct stat	 st;
	char		*f;
	int		 err = ENOENT;

	if (strchr(cmd, '/') != NULL)
		return xstrdup(cmd);
	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p = end + 1) {
		end = strchrnul(p, ':');
		/* An empty element is the current folder. */
		f = end == p ? xasprintf("./%s", cmd) :
		    xasprintf("%.*s/%s", (int)(end - p), p, cmd);
		if (stat(f, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(f, X_OK) == 0)
				return f;
			err = EACCES;
		}
		free(f);
		if (*end == '\0')
			break;
	}
	errno = err;
	return NULL;
}

/*
 * Runs argv in the foreground and waits for it, as system() would but
 * without the shell: SIGINT and SIGQUIT (a ^C in a terminal browser) are
 * the command's, not the reader's, while it runs.  A ^Z stops the reader
 * along with the command (SIGTSTP at its default, as mutt does), so that
 * curses does not draw over the command when both are continued.
 * Returns 0 when it ran and exited 0, else -1 with *cause set.
 */
static int
run(struct ui *ui, char **argv, char **cause)
{
	struct sigaction	ign, dfl, oldint, oldquit, oldtstp;
	char			*path;
	int			fds[2], status = 0, err = 0;
	pid_t			pid;
	ssize_t			n;

	*cause = NULL;
	if ((path = find_command(argv[0])) == NULL) {
		*cause = xasprintf("cannot run %s: %s", argv[0],
		    strerror(errno));
		return -1;
	}
	if (pipe2(fds, O_CLOEXEC) == -1) {
		free(path);
		*cause = xasprintf("cannot run %s: %s", argv[0],
		    strerror(errno));
		return -1;
	}
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	dfl = ign;
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGINT, &ign, &oldint);
	sigaction(SIGQUIT, &ign, &oldquit);
	sigaction(SIGTSTP, &dfl, &oldtstp);
	def_prog_mode();
	endwin();

	if ((pid = fork()) == 0)
		child(&ui->sigmask, path, argv, fds[1]);
	if (pid == -1)
		err = errno;
	close(fds[1]);
	if (pid != -1) {
		while ((n = read(fds[0], &err, sizeof err)) == -1 &&
		    errno == EINTR)
			;
		if (n != (ssize_t)sizeof err)
			err = 0;
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	}
	close(fds[0]);
	free(path);

	/*
	 * The loop keeps SIGINT blocked here, and Linux queues a blocked
	 * signal even when it is ignored: a ^C meant for the browser would
	 * end the reader once the loop unblocks it.  Ignoring it again
	 * discards what is pending.
	 */
	sigaction(SIGINT, &ign, NULL);
	sigaction(SIGQUIT, &ign, NULL);
	sigaction(SIGINT, &oldint, NULL);
	sigaction(SIGQUIT, &oldquit, NULL);
	sigaction(SIGTSTP, &oldtstp, NULL);
	reset_prog_mode();
	/* The command drew on the terminal: repaint all of it. */
	clearok(curscr, TRUE);

	if (pid == -1)
		*cause = xasprintf("cannot run %s: fork: %s", argv[0],
		    strerror(err));
	else if (err != 0)
		*cause = xasprintf("cannot run %s: %s", argv[0],
		    strerror(err));
	else if (WIFSIGNALED(status))
		*cause = xasprintf("%s was killed by signal %d", argv[0],
		    WTERMSIG(status));
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		*cause = xasprintf("%s exited with status %d", argv[0],
		    WEXITSTATUS(status));
	return *cause != NULL ? -1 : 0;
}

/* The article whose URL is meant: the list's selection when the list has
 * the focus, else the open article (else, again, the selection).  *ep is
 * its entry. */
static struct article *
target(struct ui *ui, struct library_entry **ep)
{
	struct library_entry	*e;

	if (ui->focus != LAYOUT_LIST && ui->open >= 0 &&
	    (size_t)ui->open < ui->lib->n)
		e = &ui->lib->v[ui->open];
	else if (list_selected(ui) != NULL)
		e = &ui->lib->v[ui->view[ui->list.sel]];
	else
		return NULL;
	*ep = e;
	return library_load(ui->lib, e);
}

int
ui_open_url(struct ui *ui)
{
	struct library_entry	*e = NULL;
	struct article		*a;
	char			**argv, *url, *cause;

	if ((a = target(ui, &e)) == NULL) {
		if (e != NULL && e->error != NULL)
			ui_message(ui, 1, "%s", e->error);
		else
			ui_message(ui, 1, "no article");
		return REDRAW_STATUS;
	}
	url = a->url != NULL ? xstrdup(a->url) : NULL;
	/* Read only for its URL: the index stands in for it again. */
	if ((long)(e - ui->lib->v) != ui->open)
		library_unload(ui->lib, e);
	argv = browser_argv(getenv("BROWSER"), url, &cause);
	if (argv == NULL) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		free(url);
		return REDRAW_STATUS;
	}
	if (run(ui, argv, &cause) == -1) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else
		ui_message(ui, 0, "opened %s", url);
	browser_argv_free(argv);
	free(url);
	return REDRAW_LAYOUT;
}
