#include "service/spoolactions.h"

namespace Pop3Connector {

SpoolActions::SpoolActions(QObject *parent)
    : QObject(parent)
{ }

QSet<SpoolFolder> SpoolActions::foldersOf(Stage stage)
{
    switch (stage) {
    case Stage::Download:
        return {};
    case Stage::Transfer: // Incoming Mail -> PickUp, or Failed Mail
        return {SpoolFolder::Incoming, SpoolFolder::PickUp, SpoolFolder::Failed};
    case Stage::Dispatch: // PickUp -> the local server, or BadMail
        return {SpoolFolder::PickUp, SpoolFolder::BadMail};
    }
    return {};
}

QSet<SpoolFolder> SpoolActions::heldFolders() const
{
    QSet<SpoolFolder> held;
    for (Stage s : {Stage::Download, Stage::Transfer, Stage::Dispatch}) {
        if (m_active & s)
            held |= foldersOf(s);
    }
    return held;
}

void SpoolActions::setStageActive(Stage stage, bool active)
{
    m_active.setFlag(stage, active);
    if (!active)
        runWhatIsFree();
}

void SpoolActions::resetStages()
{
    m_active = {};
    runWhatIsFree();
}

void SpoolActions::enqueue(const QSet<SpoolFolder> &folders, QObject *context, Action action)
{
    m_waiting.append({folders, context, std::move(action)});
    runWhatIsFree();
}

void SpoolActions::runWhatIsFree()
{
    if (m_running)
        return; // an action that enqueues another: the loop below takes it
    m_running = true;
    bool ran = true;
    while (ran) {
        ran = false;
        // Folders of earlier actions that still wait: a later action on them waits too.
        QSet<SpoolFolder> blocked = heldFolders();
        for (qsizetype i = 0; i < m_waiting.size(); ++i) {
            if (m_waiting[i].folders.intersects(blocked)) {
                blocked |= m_waiting[i].folders;
                continue;
            }
            Waiting w = m_waiting.takeAt(i);
            if (w.context)
                w.action();
            ran = true;
            break; // the action may have changed what is held or waiting
        }
    }
    m_running = false;
}

} // namespace Pop3Connector
