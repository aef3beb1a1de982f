#include "diagnosisview.h"

#include "base/durablefs.h"
#include "language.h"
#include "prompter.h"
#include "service/controlmessages.h"
#include "servicecontroller.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Pop3Connector {

namespace {

using Stage = DiagnosisView::Stage;

// A stage's whole report can take several servers' timeouts.
constexpr int kTimeoutMs = 10 * 60 * 1000;
constexpr int kStages = 5;
// Where an item's section and finding are in the report (-1: none).
constexpr int kSectionRole = Qt::UserRole + 1;
constexpr int kFindingRole = Qt::UserRole + 2;

Stage stripStage(DiagnosisSection::Stage s)
{
    switch (s) {
    case DiagnosisSection::Stage::Service:
        return Stage::Service;
    case DiagnosisSection::Stage::Mailbox:
        return Stage::Download;
    case DiagnosisSection::Stage::Spool:
        return Stage::Transfer;
    case DiagnosisSection::Stage::Delivery:
        return Stage::Delivery;
    case DiagnosisSection::Stage::Configuration:
        return Stage::Configuration;
    }
    return Stage::Service;
}

// Never colour alone: a symbol says the same.
QString symbol(std::optional<Verdict> v)
{
    if (!v)
        return QStringLiteral("–");
    switch (*v) {
    case Verdict::Pass:
        return QStringLiteral("✔");
    case Verdict::Warning:
        return QStringLiteral("⚠");
    case Verdict::Fail:
        return QStringLiteral("✖");
    }
    return {};
}

QColor background(Verdict v)
{
    switch (v) {
    case Verdict::Pass:
        return QColor(0xd8, 0xf0, 0xd8);
    case Verdict::Warning:
        return QColor(0xff, 0xef, 0xbf);
    case Verdict::Fail:
        return QColor(0xf7, 0xc9, 0xc9);
    }
    return {};
}

void addLines(QTreeWidgetItem *parent, const QString &label, const QString &text)
{
    if (text.isEmpty())
        return;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        auto *line = new QTreeWidgetItem(parent, {i == 0 ? label + u' ' + lines[i] : lines[i]});
        line->setToolTip(0, text);
    }
}

} // namespace

DiagnosisView::DiagnosisView(ServiceController *service, Prompter *prompter, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("diagnosisView"));
    m_run = new QPushButton;
    m_run->setObjectName(QStringLiteral("diagnosticsButton"));
    m_export = new QPushButton;
    m_export->setObjectName(QStringLiteral("exportDiagnosticsButton"));
    m_export->setEnabled(false);
    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("diagnosticsBusy"));
    m_busy->setRange(0, 0); // moving while the service works: nothing to count
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("diagnosticsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *strip = new QHBoxLayout;
    strip->setSpacing(2);
    const QStringList names = {QStringLiteral("stageService"), QStringLiteral("stageDownload"),
        QStringLiteral("stageTransfer"), QStringLiteral("stageDelivery"),
        QStringLiteral("stageConfiguration")};
    for (int i = 0; i < kStages; ++i) {
        auto *b = new QToolButton;
        b->setObjectName(names[i]);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        b->setAutoRaise(false);
        b->setMinimumHeight(2 * b->fontMetrics().height() + 12);
        connect(b, &QToolButton::clicked, this, [this, i] { showSection(Stage(i)); });
        m_stages.append(b);
        // The pipeline's three stages in a row; service and configuration stand beside them.
        if (i == 1 || i == 4)
            strip->addSpacing(12);
        else if (i > 1 && i < 4)
            strip->addWidget(new QLabel(QStringLiteral("→")));
        strip->addWidget(b, 1);
    }
    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("diagnosisTree"));
    m_tree->setColumnCount(2);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_detail = new QTextBrowser;
    m_detail->setObjectName(QStringLiteral("diagnosisDetail"));
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_busy);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(strip);
    // The tree for finding one's way; the chosen finding whole, wrapped, below it.
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_run, &QPushButton::clicked, this, &DiagnosisView::run);
    connect(m_export, &QPushButton::clicked, this, &DiagnosisView::exportReport);
    connect(m_tick, &QTimer::timeout, this, &DiagnosisView::showProgress);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &DiagnosisView::showDetail);
    retranslate();
}

void DiagnosisView::retranslate()
{
    m_run->setText(tr("Run diagnostics"));
    m_export->setText(tr("Export..."));
    m_export->setToolTip(tr("Save the report as a text file, to send it to whoever helps you"));
    m_tree->setHeaderLabels({tr("Check"), tr("Result")});
    m_tree->setAccessibleName(tr("Diagnostics findings"));
    m_tree->setAccessibleDescription(
        tr("Every check of the troubleshooter by stage, each with its result; expand one for its "
           "evidence and what to do."));
    m_detail->setAccessibleName(tr("Selected finding"));
    m_detail->setAccessibleDescription(
        tr("The chosen finding in full: its result, evidence and what to do."));
    if (m_running)
        showProgress();
    else if (!m_error.isEmpty())
        m_status->setText(m_error);
    else if (!m_hasReport)
        m_status->setText(tr("The service checks its mailboxes, spool, delivery and "
                             "configuration, and says what to do about what it finds."));
    showStrip();
    if (m_hasReport)
        showReport(); // the findings too: the service sends them as phrases
}

void DiagnosisView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DiagnosisView::run()
{
    if (m_running)
        return;
    m_error.clear();
    if (!m_service->isRunning()) {
        m_error = tr("The connector is not running (%1), so it cannot run the checks. %2")
                      .arg(m_service->unavailableReason(), m_service->howToStart());
        m_status->setText(m_error);
        return;
    }
    m_running = true;
    m_run->setEnabled(false);
    m_busy->show();
    m_elapsed.start();
    m_tick->start();
    showProgress();
    m_service->request(
        Control::Method::Diagnose, {}, this,
        [this](const Result<QCborMap> &reply) {
            m_running = false;
            m_tick->stop();
            m_busy->hide();
            m_run->setEnabled(true);
            if (!reply) {
                m_error = tr("The checks could not be run: %1").arg(reply.error().message);
                m_status->setText(m_error);
            } else {
                m_report = diagnosisFromCbor(*reply);
                m_hasReport = true;
                m_export->setEnabled(true);
                showReport();
            }
            Q_EMIT finished();
        },
        kTimeoutMs);
}

void DiagnosisView::showProgress()
{
    m_status->setText(tr("Running the checks... %1 s. Each server can take up to 20 seconds a "
                         "step; the manager stays usable meanwhile.")
                          .arg(m_elapsed.elapsed() / 1000));
}

std::optional<Verdict> DiagnosisView::verdict(Stage stage) const
{
    if (!m_hasReport)
        return std::nullopt;
    std::optional<Verdict> worst;
    for (const DiagnosisSection &s : m_report.sections) {
        if (stripStage(s.stage) == stage)
            worst = std::max(worst.value_or(Verdict::Pass), s.worst());
    }
    return worst;
}

void DiagnosisView::showStrip()
{
    const QStringList names = {tr("Service"), tr("Download (mailboxes)"), tr("Transfer (spool)"),
        tr("Delivery"), tr("Configuration")};
    for (int i = 0; i < kStages; ++i) {
        const std::optional<Verdict> v = verdict(Stage(i));
        QToolButton *b = m_stages[i];
        b->setText(
            QStringLiteral("%1 %2\n%3")
                .arg(symbol(v), names[i], v ? DiagnosisText::verdictLabel(*v) : tr("not checked")));
        b->setStyleSheet(v
                ? QStringLiteral("QToolButton { background: %1; color: black; "
                                 "border: 1px solid %2; border-radius: 3px; %3 }")
                      .arg(background(*v).name(), background(*v).darker(150).name(),
                          *v == Verdict::Fail ? QStringLiteral("font-weight: bold;") : QString())
                : QString());
    }
}

void DiagnosisView::showReport()
{
    showStrip();
    // Rebuilt in another language, the chosen finding stays chosen.
    QTreeWidgetItem *chosen = m_tree->currentItem();
    const QVariant chosenSection = chosen ? chosen->data(0, kSectionRole) : QVariant();
    const QVariant chosenFinding = chosen ? chosen->data(0, kFindingRole) : QVariant();
    QTreeWidgetItem *again = nullptr;
    m_tree->clear();
    m_detail->clear();
    for (int si = 0; si < m_report.sections.size(); ++si) {
        const DiagnosisSection &s = m_report.sections[si];
        auto *section = new QTreeWidgetItem(m_tree,
            {DiagnosisText::stageTitle(s),
                symbol(s.worst()) + u' ' + DiagnosisText::verdictLabel(s.worst())});
        section->setData(0, Qt::UserRole, int(stripStage(s.stage)));
        section->setData(0, kSectionRole, si);
        section->setData(0, kFindingRole, -1);
        if (chosenSection == si && chosenFinding == -1)
            again = section;
        QFont bold = section->font(0);
        bold.setBold(true);
        section->setFont(0, bold);
        section->setBackground(1, background(s.worst()));
        section->setForeground(1, QColor(Qt::black));
        for (int fi = 0; fi < s.findings.size(); ++fi) {
            const Finding &f = s.findings[fi];
            auto *finding = new QTreeWidgetItem(section,
                {f.title.translated(),
                    symbol(f.verdict) + u' ' + DiagnosisText::verdictLabel(f.verdict)});
            finding->setToolTip(0, f.id);
            finding->setData(0, kSectionRole, si);
            finding->setData(0, kFindingRole, fi);
            if (chosenSection == si && chosenFinding == fi)
                again = finding;
            finding->setBackground(1, background(f.verdict));
            finding->setForeground(1, QColor(Qt::black));
            addLines(finding, tr("Evidence:"), f.evidence.translated());
            if (f.verdict != Verdict::Pass)
                addLines(finding, tr("What to do:"), f.fix.translated());
            finding->setExpanded(f.verdict != Verdict::Pass);
        }
        if (!s.transcript.isEmpty()) {
            auto *transcript = new QTreeWidgetItem(section, {tr("Conversation with the server")});
            for (const QString &line : s.transcript)
                new QTreeWidgetItem(transcript, {line});
        }
        section->setExpanded(s.worst() != Verdict::Pass);
    }
    // A new report opens on what is worst: the first failure, else the first warning.
    for (int i = 0; !again && i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *section = m_tree->topLevelItem(i);
        const DiagnosisSection &s = m_report.sections[i];
        for (int fi = 0; s.worst() == m_report.worst() && fi < s.findings.size(); ++fi) {
            if (s.findings[fi].verdict == m_report.worst() && s.worst() != Verdict::Pass) {
                again = section->child(fi);
                break;
            }
        }
    }
    if (again) {
        m_tree->setCurrentItem(again);
        m_tree->scrollToItem(again, QAbstractItemView::PositionAtCenter);
    }
    int counts[3] = {};
    for (const DiagnosisSection &s : m_report.sections) {
        for (const Finding &f : s.findings)
            ++counts[int(f.verdict)];
    }
    const QString when = Language::dateTime(m_report.finished);
    m_status->setText(counts[int(Verdict::Fail)] > 0
            ? tr("%1: %n check(s) failed; the stage marked ✖ is where mail stops.", nullptr,
                counts[int(Verdict::Fail)])
                  .arg(when)
            : counts[int(Verdict::Warning)] > 0
            ? tr("%1: no check failed; %n warning(s) to look at.", nullptr,
                counts[int(Verdict::Warning)])
                  .arg(when)
            : tr("%1: every check passed.").arg(when));
}

void DiagnosisView::showDetail()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    while (item && !item->data(0, kSectionRole).isValid())
        item = item->parent();
    if (!item) {
        m_detail->clear();
        return;
    }
    const DiagnosisSection &s = m_report.sections.value(item->data(0, kSectionRole).toInt());
    const int fi = item->data(0, kFindingRole).toInt();
    const auto paragraph = [](const QString &label, const QString &text) {
        return text.isEmpty()
            ? QString()
            : QStringLiteral("<p><b>%1</b> %2</p>")
                  .arg(label.toHtmlEscaped(),
                      text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    };
    QString html;
    if (fi >= 0 && fi < s.findings.size()) {
        const Finding &f = s.findings[fi];
        html = QStringLiteral("<h3>%1 %2: %3</h3><p><code>%4</code></p>")
                   .arg(symbol(f.verdict), DiagnosisText::verdictLabel(f.verdict),
                       f.title.translated().toHtmlEscaped(), f.id)
            + paragraph(tr("Evidence:"), f.evidence.translated())
            + (f.verdict != Verdict::Pass ? paragraph(tr("What to do:"), f.fix.translated())
                                          : QString());
    } else {
        html = QStringLiteral("<h3>%1 %2: %3</h3>")
                   .arg(symbol(s.worst()), DiagnosisText::verdictLabel(s.worst()),
                       DiagnosisText::stageTitle(s).toHtmlEscaped());
        if (!s.transcript.isEmpty())
            html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                        .arg(tr("Conversation with the server").toHtmlEscaped(),
                            s.transcript.join(u'\n').toHtmlEscaped());
    }
    m_detail->setHtml(html);
}

void DiagnosisView::showSection(Stage stage)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toInt() == int(stage)) {
            item->setExpanded(true);
            m_tree->setCurrentItem(item);
            m_tree->scrollToItem(item, QAbstractItemView::PositionAtTop);
            return;
        }
    }
}

QString DiagnosisView::reportText() const
{
    const QLocale c = QLocale::c();
    return tr("POP3 Connector diagnostics, %1 to %2")
               .arg(c.toString(
                        m_report.started.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                   c.toString(m_report.finished.toLocalTime(), QStringLiteral("HH:mm:ss")))
        + u'\n' + tr("Configuration: %1").arg(m_report.configuration) + u'\n'
        + tr("Service: pid %1, user %2, version %3")
              .arg(m_service->serviceInfo().pid)
              .arg(m_service->serviceInfo().user, m_service->serviceInfo().version)
        + QStringLiteral("\n\n") + DiagnosisText::format(m_report, true);
}

void DiagnosisView::exportReport()
{
    if (!m_hasReport)
        return;
    const QString suggested =
        QStringLiteral("pop3connector-diagnostics-%1.txt")
            .arg(m_report.finished.toLocalTime().toString(QStringLiteral("yyyy-MM-dd-HHmm")));
    const QString file = m_prompter->saveFile(this, tr("Export the report"), suggested);
    if (file.isEmpty())
        return;
    // It names servers, accounts and addresses: its owner's alone (0600).
    const Status written = DurableFs::writeAtomically(file, reportText().toUtf8());
    if (!written) {
        m_prompter->warn(this, tr("Export the report"),
            tr("The report could not be written: %1").arg(written.error().message));
        return;
    }
    m_status->setText(tr("Report saved in %1.").arg(file));
}

} // namespace Pop3Connector
