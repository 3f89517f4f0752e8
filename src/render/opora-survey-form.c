#define G_LOG_DOMAIN "opora-survey-form"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "opora-survey-form.h"

/* Margins of Russian office paper (GOST R 7.0.97): 30 mm left for the binding, 15 mm right,
 * 20 mm top and bottom. */
#define MARGIN_LEFT      85.04
#define MARGIN_RIGHT     42.52
#define MARGIN_TOP       56.69
#define MARGIN_BOTTOM    56.69
#define CONTENT_WIDTH    (OPORA_SURVEY_FORM_WIDTH_PT - MARGIN_LEFT - MARGIN_RIGHT)
#define CONTENT_HEIGHT   (OPORA_SURVEY_FORM_HEIGHT_PT - MARGIN_TOP - MARGIN_BOTTOM)
#define FIRST_LINE_INDENT 35.43 /* 1.25 cm, the paragraph indent of Russian documents */
#define NUMBER_COLUMN    22.0   /* a question's number hangs left of its text, at least */
#define DATE_LINE_WIDTH  120.0  /* the blank after «Дата заполнения» */
#define WRITE_LINES      3      /* lines to write a free-text answer on */
#define WRITE_LINE_GAP   24.0
#define RULE_WIDTH       0.6
#define BODY_SIZE        12.0
#define HEAD_SIZE        10.0
#define TITLE_SIZE       14.0
#define FOOTER_SIZE      9.0
#define LINE_SPACING     1.15
/* Times New Roman is what Russian offices print in; the others stand in where it is
 * missing. */
#define FONT_FAMILY      "Times New Roman,Liberation Serif,PT Astra Serif,Serif"

typedef enum
{
  BLOCK_STATIC,  /* the same on every copy */
  BLOCK_NAME,    /* «Фамилия, имя, отчество» and the person's name or a blank */
  BLOCK_DATE,    /* «Дата заполнения» and the date or a blank */
} BlockKind;

typedef struct
{
  PangoLayout *layout;
  double       x, y;
} Item;

typedef struct
{
  double x0, x1, y;
} Rule;

/* A part of the form kept in order down the page: a paragraph, a question with its answers,
 * the name line. A block is cut between pages only at its breaks (between lines). */
typedef struct
{
  BlockKind  kind;
  double     space_before;
  double     height;
  gboolean   keep;    /* moved whole to the next page rather than cut, when a page holds it */
  gboolean   keep_with_next; /* never the last thing on a page: the closing follows the
                              * last question */
  GArray    *items;   /* Item */
  GArray    *rules;   /* Rule */
  GArray    *breaks;  /* double: offsets from the block's top, ascending */
} Block;

/* A run of a block placed on a page: @length from @offset of the block, at @y of the
 * page's text area. */
typedef struct
{
  guint  block;
  guint  page;
  double y;
  double offset;
  double length;
} Piece;

struct _OporaSurveyForm
{
  PangoContext *context;
  GPtrArray    *blocks;
  GArray       *pieces;
  guint         n_pages;

  /* The lines that change from copy to copy. */
  PangoLayout  *name_label;
  PangoLayout  *name_blank;
  PangoLayout  *name_value;
  char         *name_text;   /* what name_value holds now: set again only when it changes */
  double        name_x;      /* where the name and its rule start */
  PangoLayout  *date_label;
  PangoLayout  *date_blank;
  PangoLayout  *date_value;
  char         *date_text;
  double        date_x;
  double        line_height;
  double        baseline;
  double        number_column;
  PangoLayout  *footer;
};

static void
block_free (Block *block)
{
  for (guint i = 0; i < block->items->len; i++)
    g_object_unref (g_array_index (block->items, Item, i).layout);
  g_array_unref (block->items);
  g_array_unref (block->rules);
  g_array_unref (block->breaks);
  g_free (block);
}

static Block *
block_new (OporaSurveyForm *self,
           BlockKind        kind,
           double           space_before,
           gboolean         keep)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = space_before;
  block->keep = keep;
  block->items = g_array_new (FALSE, FALSE, sizeof (Item));
  block->rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  block->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
block_add_break (Block  *block,
                 double  y)
{
  if (y > 0 && (block->breaks->len == 0
                || y > g_array_index (block->breaks, double, block->breaks->len - 1)))
    g_array_append_val (block->breaks, y);
}

/* Places @layout (taken) at (@x, @y) with a break before each of its lines; returns the
 * bottom of its last line. */
static double
block_add_layout (Block       *block,
                  PangoLayout *layout,
                  double       x,
                  double       y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int height;

  do
    {
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      block_add_break (block, y + (double) top / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_array_append_val (block->items, ((Item) { layout, x, y }));
  pango_layout_get_size (layout, NULL, &height);
  block->height = MAX (block->height, y + (double) height / PANGO_SCALE);
  return y + (double) height / PANGO_SCALE;
}

static void
block_add_rule (Block  *block,
                double  x0,
                double  x1,
                double  y)
{
  g_array_append_val (block->rules, ((Rule) { x0, x1, y }));
  block->height = MAX (block->height, y + RULE_WIDTH);
}

static PangoLayout *
form_layout (OporaSurveyForm *self,
             const char      *text,
             double           size,
             PangoWeight      weight,
             PangoStyle       style,
             double           width,
             PangoAlignment   align)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  /* Absolute: the sizes are points of the A4 page whatever surface is drawn on. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* A paragraph of running text: justified, with the first line indented. */
static void
add_paragraph (OporaSurveyForm *self,
               const char      *text,
               double           space_before)
{
  PangoLayout *layout;
  Block *block;

  if (is_blank (text))
    return;
  layout = form_layout (self, text, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                        CONTENT_WIDTH, PANGO_ALIGN_LEFT);
  pango_layout_set_justify (layout, TRUE);
  pango_layout_set_indent (layout, (int) (FIRST_LINE_INDENT * PANGO_SCALE));
  block = block_new (self, BLOCK_STATIC, space_before, FALSE);
  block_add_layout (block, layout, 0, 0);
}

static void
add_centred (OporaSurveyForm *self,
             const char      *text,
             double           size,
             PangoWeight      weight,
             PangoStyle       style,
             double           space_before)
{
  Block *block;

  if (is_blank (text))
    return;
  block = block_new (self, BLOCK_STATIC, space_before, TRUE);
  block_add_layout (block, form_layout (self, text, size, weight, style, CONTENT_WIDTH,
                                        PANGO_ALIGN_CENTER), 0, 0);
}

/* The institution's name in bold, its other details under it, and a rule across. */
static void
add_head (OporaSurveyForm *self,
          const char      *institution)
{
  g_auto(GStrv) lines = NULL;
  Block *block;
  double y;

  if (is_blank (institution))
    return;
  lines = g_strsplit (institution, "\n", 2);
  block = block_new (self, BLOCK_STATIC, 0, TRUE);
  y = block_add_layout (block, form_layout (self, lines[0], HEAD_SIZE + 1, PANGO_WEIGHT_BOLD,
                                            PANGO_STYLE_NORMAL, CONTENT_WIDTH,
                                            PANGO_ALIGN_CENTER), 0, 0);
  if (lines[1] != NULL && !is_blank (g_strstrip (lines[1])))
    y = block_add_layout (block, form_layout (self, lines[1], HEAD_SIZE, PANGO_WEIGHT_NORMAL,
                                              PANGO_STYLE_NORMAL, CONTENT_WIDTH,
                                              PANGO_ALIGN_CENTER), 0, y + 1);
  block_add_rule (block, 0, CONTENT_WIDTH, y + 5);
}

/* A label followed by underscores reaching @width: the blank as the seed's form prints
 * it, which stays a line when the PDF is read as text. */
static PangoLayout *
blank_line (OporaSurveyForm *self,
            const char      *label,
            double           width)
{
  PangoLayout *layout = form_layout (self, "_", BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                     PANGO_STYLE_NORMAL, -1, PANGO_ALIGN_LEFT);
  double underscore = layout_width (layout);
  GString *text = g_string_new (label);
  guint count = underscore > 0 ? (guint) (width / underscore) : 0;

  for (guint i = 0; i < count; i++)
    g_string_append_c (text, '_');
  pango_layout_set_text (layout, text->str, text->len);
  g_string_free (text, TRUE);
  return layout;
}

static void
add_person_lines (OporaSurveyForm *self)
{
  /* TRANSLATORS: on a printed survey form, followed by a line for the respondent's name */
  const char *name_label = C_("survey form", "Surname, name, patronymic");
  /* TRANSLATORS: on a printed survey form, followed by a line for the date */
  const char *date_label = C_("survey form", "Date filled in");
  double label_width;
  Block *block;
  int height;

  self->name_label = form_layout (self, name_label, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                  PANGO_STYLE_NORMAL, -1, PANGO_ALIGN_LEFT);
  label_width = layout_width (self->name_label);
  self->name_blank = blank_line (self, name_label, CONTENT_WIDTH - label_width);
  self->name_x = label_width + 4;
  self->name_value = form_layout (self, "", BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                  MAX (CONTENT_WIDTH - self->name_x - 4, 1), PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (self->name_value, PANGO_ELLIPSIZE_END);

  self->date_label = form_layout (self, date_label, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                  PANGO_STYLE_NORMAL, -1, PANGO_ALIGN_LEFT);
  label_width = layout_width (self->date_label);
  self->date_blank = blank_line (self, date_label, DATE_LINE_WIDTH);
  self->date_x = label_width + 4;
  self->date_value = form_layout (self, "", BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                  -1, PANGO_ALIGN_LEFT);

  self->baseline = (double) pango_layout_get_baseline (self->name_label) / PANGO_SCALE;
  pango_layout_get_size (self->name_blank, NULL, &height);
  self->line_height = (double) height / PANGO_SCALE;

  block = block_new (self, BLOCK_NAME, 16, TRUE);
  block->height = self->line_height;
  block = block_new (self, BLOCK_DATE, 10, TRUE);
  block->height = self->line_height;
}

static void
add_question (OporaSurveyForm               *self,
              guint                          number,
              const OporaSurveyFormQuestion *question,
              double                         space_before)
{
  g_autofree char *label = g_strdup_printf ("%u.", number);
  double column = self->number_column;
  double text_width = CONTENT_WIDTH - column;
  Block *block = block_new (self, BLOCK_STATIC, space_before, TRUE);
  PangoLayout *text;
  double y;

  block_add_layout (block, form_layout (self, label, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                        PANGO_STYLE_NORMAL, column, PANGO_ALIGN_LEFT),
                    0, 0);
  text = form_layout (self, question->text, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                      text_width, PANGO_ALIGN_LEFT);
  pango_layout_set_justify (text, TRUE);
  y = block_add_layout (block, text, column, 0) + 3;

  switch (question->kind)
    {
    case OPORA_SURVEY_FORM_YES_NO:
      /* TRANSLATORS: an answer to underline on a printed survey form */
      y = block_add_layout (block, form_layout (self, C_("survey form", "Yes"), BODY_SIZE,
                                                PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                                text_width, PANGO_ALIGN_LEFT),
                            column, y);
      /* TRANSLATORS: an answer to underline on a printed survey form */
      block_add_layout (block, form_layout (self, C_("survey form", "No"), BODY_SIZE,
                                            PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                            text_width, PANGO_ALIGN_LEFT),
                        column, y);
      break;

    case OPORA_SURVEY_FORM_MULTIPLE:
    case OPORA_SURVEY_FORM_SINGLE:
      if (question->kind == OPORA_SURVEY_FORM_MULTIPLE)
        y = block_add_layout (block, form_layout (self,
                                                  C_("survey form",
                                                     "(you may underline several answers)"),
                                                  BODY_SIZE - 1, PANGO_WEIGHT_NORMAL,
                                                  PANGO_STYLE_ITALIC, text_width,
                                                  PANGO_ALIGN_LEFT),
                              column, y) + 1;
      for (guint i = 0; question->options != NULL && question->options[i] != NULL; i++)
        {
          if (is_blank (question->options[i]))
            continue;
          y = block_add_layout (block, form_layout (self, question->options[i], BODY_SIZE,
                                                    PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                                    text_width, PANGO_ALIGN_LEFT),
                                column, y) + 1;
        }
      break;

    case OPORA_SURVEY_FORM_TEXT:
      for (guint i = 0; i < WRITE_LINES; i++)
        {
          block_add_break (block, y);
          y += WRITE_LINE_GAP;
          block_add_rule (block, column, CONTENT_WIDTH, y);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
add_piece (OporaSurveyForm *self,
           guint            block,
           guint            page,
           double           y,
           double           offset,
           double           length)
{
  g_array_append_val (self->pieces, ((Piece) { block, page, y, offset, length }));
}

/* Fills pages top to bottom: a block that does not fit moves to the next page whole when it
 * is kept together and a page can hold it, else it is cut at its last break that fits. */
static void
paginate (OporaSurveyForm *self)
{
  const double slack = 0.01; /* rounding of Pango units */
  guint page = 0;
  double y = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double offset = 0;

      double needed = block->height;

      if (y > 0)
        y += block->space_before;
      if (block->keep_with_next && i + 1 < self->blocks->len)
        {
          Block *next = g_ptr_array_index (self->blocks, i + 1);

          needed += next->space_before + next->height;
          if (needed > CONTENT_HEIGHT + slack)
            needed = block->height;
        }
      if (y > 0 && block->keep && needed <= CONTENT_HEIGHT + slack
          && y + needed > CONTENT_HEIGHT + slack)
        {
          page++;
          y = 0;
        }

      while (TRUE)
        {
          double room = CONTENT_HEIGHT - y;
          double cut = offset;

          if (block->height - offset <= room + slack)
            {
              add_piece (self, i, page, y, offset, block->height - offset);
              y += block->height - offset;
              break;
            }
          for (guint b = 0; b < block->breaks->len; b++)
            {
              double at = g_array_index (block->breaks, double, b);

              if (at > offset && at - offset <= room + slack)
                cut = at;
            }
          if (cut <= offset && y > 0)
            {
              page++;
              y = 0;
              continue;
            }
          if (cut <= offset)
            cut = offset + room; /* one line taller than a page: cut where the page ends */
          add_piece (self, i, page, y, offset, cut - offset);
          offset = cut;
          page++;
          y = 0;
        }
    }
  self->n_pages = page + 1;
}

static void
draw_rule (cairo_t *cr,
           double   x0,
           double   x1,
           double   y)
{
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_move_to (cr, x0, y + RULE_WIDTH / 2);
  cairo_line_to (cr, x1, y + RULE_WIDTH / 2);
  cairo_stroke (cr);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Sets @layout's text when it differs from *@current: shaping is the costly part of a copy,
 * and the pages of one copy share the name. */
static void
set_value (PangoLayout  *layout,
           char        **current,
           const char   *text)
{
  if (g_strcmp0 (*current, text) == 0)
    return;
  g_free (*current);
  *current = g_strdup (text);
  pango_layout_set_text (layout, text, -1);
}

static void
draw_filled_line (OporaSurveyForm *self,
                  cairo_t         *cr,
                  PangoLayout     *label,
                  PangoLayout     *value,
                  double           x,
                  double           x_end)
{
  double underline = self->baseline + 2.5;

  show_layout (cr, label, 0, 0);
  show_layout (cr, value, x + 4, 0);
  draw_rule (cr, x, x_end, underline);
}

static void
block_draw (OporaSurveyForm             *self,
            Block                       *block,
            cairo_t                     *cr,
            const OporaSurveyFormPerson *person)
{
  const char *name = person != NULL ? person->full_name : NULL;
  const char *date = person != NULL ? person->date : NULL;

  switch (block->kind)
    {
    case BLOCK_NAME:
      if (is_blank (name))
        show_layout (cr, self->name_blank, 0, 0);
      else
        {
          set_value (self->name_value, &self->name_text, name);
          draw_filled_line (self, cr, self->name_label, self->name_value, self->name_x,
                            CONTENT_WIDTH);
        }
      return;

    case BLOCK_DATE:
      if (is_blank (date))
        show_layout (cr, self->date_blank, 0, 0);
      else
        {
          set_value (self->date_value, &self->date_text, date);
          draw_filled_line (self, cr, self->date_label, self->date_value, self->date_x,
                            self->date_x + MAX (DATE_LINE_WIDTH,
                                                layout_width (self->date_value) + 8));
        }
      return;

    case BLOCK_STATIC:
    default:
      break;
    }

  for (guint i = 0; i < block->items->len; i++)
    {
      Item *item = &g_array_index (block->items, Item, i);

      show_layout (cr, item->layout, item->x, item->y);
    }
  for (guint i = 0; i < block->rules->len; i++)
    {
      Rule *rule = &g_array_index (block->rules, Rule, i);

      draw_rule (cr, rule->x0, rule->x1, rule->y);
    }
}

static void
draw_footer (OporaSurveyForm             *self,
             cairo_t                     *cr,
             guint                        page,
             const OporaSurveyFormPerson *person)
{
  /* TRANSLATORS: the foot of a printed form of several pages */
  g_autofree char *text = g_strdup_printf (C_("survey form", "Page %u of %u"), page + 1,
                                           self->n_pages);
  int height;

  if (person != NULL && !is_blank (person->full_name))
    {
      g_autofree char *with_name = g_strdup_printf ("%s — %s", person->full_name, text);

      g_free (text);
      text = g_steal_pointer (&with_name);
    }
  pango_layout_set_text (self->footer, text, -1);
  pango_layout_get_size (self->footer, NULL, &height);
  show_layout (cr, self->footer, MARGIN_LEFT,
               OPORA_SURVEY_FORM_HEIGHT_PT - MARGIN_BOTTOM / 2 - (double) height / PANGO_SCALE / 2);
}

/* Wide enough for the largest question number and a space after it. */
static double
number_column (OporaSurveyForm *self,
               guint            n_questions)
{
  g_autofree char *widest = g_strdup_printf ("%u.", MAX (n_questions, 1));
  g_autoptr(PangoLayout) layout = form_layout (self, widest, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                               PANGO_STYLE_NORMAL, -1, PANGO_ALIGN_LEFT);

  return MAX (NUMBER_COLUMN, ceil (layout_width (layout) + 7));
}

static PangoContext *
form_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics at 72 dpi: text measures the same in points on a PDF, a printer or
   * a screen, so every surface breaks lines and pages alike. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_get_default ());
  return context;
}

OporaSurveyForm *
opora_survey_form_new (const OporaSurveyFormData *data)
{
  OporaSurveyForm *self;
  guint n_questions;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_new0 (OporaSurveyForm, 1);
  self->context = form_context_new ();
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));

  add_head (self, data->institution);
  add_centred (self, data->title, TITLE_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 22);
  add_centred (self, data->greeting, BODY_SIZE + 1, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 14);
  add_paragraph (self, data->introduction, 10);
  add_paragraph (self, data->instructions, 4);
  add_person_lines (self);
  n_questions = data->questions != NULL ? data->questions->len : 0;
  self->number_column = number_column (self, n_questions);
  for (guint i = 0; i < n_questions; i++)
    add_question (self, i + 1, g_ptr_array_index (data->questions, i), i == 0 ? 20 : 12);
  if (n_questions > 0 && !is_blank (data->closing))
    {
      Block *last = g_ptr_array_index (self->blocks, self->blocks->len - 1);

      last->keep_with_next = TRUE;
    }
  add_centred (self, data->closing, BODY_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC, 24);

  self->footer = form_layout (self, "", FOOTER_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                              CONTENT_WIDTH, PANGO_ALIGN_CENTER);
  paginate (self);
  return self;
}

void
opora_survey_form_free (OporaSurveyForm *form)
{
  if (form == NULL)
    return;
  g_ptr_array_unref (form->blocks);
  g_array_unref (form->pieces);
  g_clear_object (&form->name_label);
  g_clear_object (&form->name_blank);
  g_clear_object (&form->name_value);
  g_clear_object (&form->date_label);
  g_clear_object (&form->date_blank);
  g_clear_object (&form->date_value);
  g_clear_object (&form->footer);
  g_clear_object (&form->context);
  g_free (form->name_text);
  g_free (form->date_text);
  g_free (form);
}

guint
opora_survey_form_get_n_pages (OporaSurveyForm *form)
{
  g_return_val_if_fail (form != NULL, 1);

  return form->n_pages;
}

void
opora_survey_form_draw_page (OporaSurveyForm             *form,
                             cairo_t                     *cr,
                             guint                        page,
                             const OporaSurveyFormPerson *person)
{
  g_return_if_fail (form != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < form->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < form->pieces->len; i++)
    {
      Piece *piece = &g_array_index (form->pieces, Piece, i);
      Block *block = g_ptr_array_index (form->blocks, piece->block);

      if (piece->page != page)
        continue;
      cairo_save (cr);
      if (piece->offset > 0 || piece->length < block->height)
        {
          /* A cut block shows only its lines that belong to this page. */
          cairo_rectangle (cr, 0, MARGIN_TOP + piece->y, OPORA_SURVEY_FORM_WIDTH_PT,
                           piece->length);
          cairo_clip (cr);
        }
      cairo_translate (cr, MARGIN_LEFT, MARGIN_TOP + piece->y - piece->offset);
      block_draw (form, block, cr, person);
      cairo_restore (cr);
    }
  if (form->n_pages > 1)
    draw_footer (form, cr, page, person);
  cairo_restore (cr);
}
