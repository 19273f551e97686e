/* cmd_dump: `inkstone dump [--width N] FILE...`: the reading pane's text
 * as plain UTF-8, one article after another. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "inkstone/article.h"
#include "inkstone/cmd.h"
#include "inkstone/render.h"
#include "inkstone/util.h"

#define DEFAULT_WIDTH	80
#define MAX_WIDTH	10000

static int
parse_width(const char *s, int *width)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 || v > MAX_WIDTH) {
		fprintf(stderr, "inkstone: dump: --width: want a number from "
		    "1 to %d, not '%s'\n", MAX_WIDTH, s);
		return -1;
	}
	*width = (int)v;
	return 0;
}

static int
terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col > 0)
		return ws.ws_col;
	return DEFAULT_WIDTH;
}

static void
dump_article(const struct article *a, int width, struct buf *out)
{
	struct render	*r = render_article(a, width);
	size_t		 i;

	for (i = 0; i < r->n; i++) {
		render_line_text(&r->v[i], out);
		buf_addc(out, '\n');
	}
	render_free(r);
}

int
cmd_dump(int argc, char **argv, const struct globals *g)
{
	struct article	 *a;
	struct buf	  out = { 0 };
	char		**files, *cause;
	int		  i, n = 0, width = -1, status = 0, opts = 1;

	(void)g;
	files = xcalloc((size_t)argc + 1, sizeof *files);
	for (i = 0; i < argc; i++) {
		if (!opts || argv[i][0] != '-' || argv[i][1] == '\0')
			files[n++] = argv[i];
		else if (strcmp(argv[i], "--") == 0)
			opts = 0;
		else if (strcmp(argv[i], "--width") == 0 ||
		    strcmp(argv[i], "-w") == 0) {
			if (i + 1 >= argc) {
				fputs("inkstone: dump: --width needs a value\n",
				    stderr);
				status = EXIT_USAGE;
				break;
			}
			if (parse_width(argv[++i], &width) == -1) {
				status = EXIT_USAGE;
				break;
			}
		} else if (strncmp(argv[i], "--width=", 8) == 0) {
			if (parse_width(argv[i] + 8, &width) == -1) {
				status = EXIT_USAGE;
				break;
			}
		} else {
			fprintf(stderr, "inkstone: dump: unknown option '%s'\n",
			    argv[i]);
			status = EXIT_USAGE;
			break;
		}
	}
	if (status == 0 && n == 0)
		status = EXIT_USAGE;
	if (status != 0) {
		fputs("usage: inkstone dump [--width N] FILE...\n", stderr);
		free(files);
		return status;
	}
	if (width == -1)
		width = terminal_width();

	for (i = 0; i < n; i++) {
		a = article_load(files[i], &cause);
		if (a == NULL) {
			fflush(stdout);
			fprintf(stderr, "inkstone: %s\n", cause);
			free(cause);
			status = EXIT_RUNTIME;
			continue;
		}
		if (a->error != NULL) {
			fflush(stdout);
			fprintf(stderr, "inkstone: %s\n", a->error);
		}
		/* Articles after the first stand after a blank line. */
		if (out.data != NULL)
			buf_addc(&out, '\n');
		dump_article(a, width, &out);
		article_free(a);
		fwrite(out.data, 1, out.len, stdout);
		out.len = 0;
	}
	buf_free(&out);
	free(files);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "inkstone: dump: %s\n", strerror(errno));
		return EXIT_RUNTIME;
	}
	return status;
}
