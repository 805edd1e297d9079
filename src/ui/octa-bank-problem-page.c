/* SPDX-License-Identifier: MIT */
#include <glib/gi18n.h>

#include "octa-bank-problem-page.h"

/**
 * OctaBankProblemPage:
 *
 * What takes the step grid's place when the selected bank's file couldn't
 * be read (design §6.3): "Bank C couldn't be read", the reason in plain
 * words and, when the bank has a readable saved copy, Open Saved Copy.
 */

struct _OctaBankProblemPage
{
  AdwBin         parent_instance;

  AdwStatusPage *status_page;
  GtkWidget     *open_saved_button;

  OctaBank      *bank;
  gulong         read_only_handler;
};

G_DEFINE_FINAL_TYPE (OctaBankProblemPage, octa_bank_problem_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (OctaBankProblemPage *self)
{
  OctaProject *project;
  g_autofree char *title = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *reason = NULL;

  if (self->bank == NULL || !octa_bank_get_read_only (self->bank))
    {
      adw_status_page_set_title (self->status_page, "");
      adw_status_page_set_description (self->status_page, NULL);
      gtk_widget_set_visible (self->open_saved_button, FALSE);
      return;
    }

  project = octa_bank_get_project (self->bank);
  filename = octa_bank_dup_filename (self->bank);
  reason = octa_project_dup_problem_reason (project, filename);
  title = g_strdup_printf (_("Bank %s couldn't be read"), octa_bank_get_letter (self->bank));
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, reason);
  gtk_widget_set_visible (self->open_saved_button,
                          octa_project_can_open_saved_copy (project, filename));
}

static void
open_saved_clicked_cb (OctaBankProblemPage *self)
{
  g_autofree char *filename = NULL;
  g_autoptr(GError) error = NULL;

  if (self->bank == NULL)
    return;
  filename = octa_bank_dup_filename (self->bank);
  if (!octa_project_open_saved_copy (octa_bank_get_project (self->bank), filename, &error))
    g_warning ("%s", error->message);
}

static void
octa_bank_problem_page_dispose (GObject *object)
{
  OctaBankProblemPage *self = OCTA_BANK_PROBLEM_PAGE (object);

  /* No gtk_widget_dispose_template(): the status page is the bin's own
   * child, which AdwBin unparents itself. */
  octa_bank_problem_page_set_bank (self, NULL);

  G_OBJECT_CLASS (octa_bank_problem_page_parent_class)->dispose (object);
}

static void
octa_bank_problem_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  OctaBankProblemPage *self = OCTA_BANK_PROBLEM_PAGE (object);

  switch (prop_id)
    {
    case PROP_BANK:
      g_value_set_object (value, self->bank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_bank_problem_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OctaBankProblemPage *self = OCTA_BANK_PROBLEM_PAGE (object);

  switch (prop_id)
    {
    case PROP_BANK:
      octa_bank_problem_page_set_bank (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
octa_bank_problem_page_class_init (OctaBankProblemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = octa_bank_problem_page_dispose;
  object_class->get_property = octa_bank_problem_page_get_property;
  object_class->set_property = octa_bank_problem_page_set_property;

  /**
   * OctaBankProblemPage:bank:
   *
   * The bank to tell about.
   */
  properties[PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL, OCTA_TYPE_BANK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/octadesk/Octadesk/"
                                               "octa-bank-problem-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OctaBankProblemPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, OctaBankProblemPage, open_saved_button);
  gtk_widget_class_bind_template_callback (widget_class, open_saved_clicked_cb);
}

static void
octa_bank_problem_page_init (OctaBankProblemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
octa_bank_problem_page_new (void)
{
  return g_object_new (OCTA_TYPE_BANK_PROBLEM_PAGE, NULL);
}

OctaBank *
octa_bank_problem_page_get_bank (OctaBankProblemPage *self)
{
  g_return_val_if_fail (OCTA_IS_BANK_PROBLEM_PAGE (self), NULL);
  return self->bank;
}

void
octa_bank_problem_page_set_bank (OctaBankProblemPage *self,
                                 OctaBank            *bank)
{
  g_return_if_fail (OCTA_IS_BANK_PROBLEM_PAGE (self));
  g_return_if_fail (bank == NULL || OCTA_IS_BANK (bank));

  if (self->bank == bank)
    return;

  if (self->bank != NULL)
    g_clear_signal_handler (&self->read_only_handler, self->bank);
  g_set_object (&self->bank, bank);
  if (bank != NULL)
    self->read_only_handler = g_signal_connect_swapped (bank, "notify::read-only",
                                                        G_CALLBACK (update), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);
}

AdwStatusPage *
octa_bank_problem_page_get_status_page (OctaBankProblemPage *self)
{
  g_return_val_if_fail (OCTA_IS_BANK_PROBLEM_PAGE (self), NULL);
  return self->status_page;
}

GtkWidget *
octa_bank_problem_page_get_open_saved_button (OctaBankProblemPage *self)
{
  g_return_val_if_fail (OCTA_IS_BANK_PROBLEM_PAGE (self), NULL);
  return self->open_saved_button;
}
