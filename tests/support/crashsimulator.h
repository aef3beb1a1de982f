#pragma once

#include "base/durablefs.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

// What a power cut can leave on disk, computed from the operations a run sent through the
// durable layer, in the order the file system saw them (a recording, see OperationRecorder).
// In the spirit of ALICE (Pillai et al., OSDI '14) and CrashMonkey (Mohan et al., OSDI '18):
// for a crash after any prefix of the recording, the simulator builds the states the file system
// may persist, and writes each as a directory tree on which startup recovery can run.
//
// Two models (docs/design.md "Power loss" gives the sources):
// - OrderedMetadata, ext4's default (data=ordered, journalled metadata): file creations, renames
//   and removals reach the disk in program order, so a crash keeps a prefix of them; anything
//   synced (fsync or fdatasync of any file, a folder fsync, syncfs commits the journal) is kept.
// - UnorderedMetadata, the weaker minimum POSIX promises: a creation, rename or removal is
//   durable only once the folder it puts its name in was fsynced (or syncfs ran); before that
//   each may be kept or lost independently of the others, and a renamed file may also come
//   back under its old name until that folder was synced too.
// In both, file data not yet made durable by fdatasync of that file or by syncfs may be lost or
// cut short: a file whose creation survived can come back shorter, even empty.
class CrashSimulator
{
public:
    using Operation = Pop3Connector::DurableFs::Operation;
    enum class Model { OrderedMetadata, UnorderedMetadata };
    enum class Data { Kept, Lost, Halved, Random };

    struct CrashState
    {
        int point = 0; // operations [0, point) happened
        QSet<int> dropped; // metadata operations before `point` that did not reach the disk
        Data data = Data::Kept; // what became of unsynced file data
        quint32 seed = 0;
        QString label;
        // Unordered model: a rename whose source folder was not synced since leaves the old
        // name too (the same file under both names).
        bool ghosts = false;
    };

    // `root` is the folder the recording was made under; operations elsewhere are ignored.
    CrashSimulator(QString root, QList<Operation> operations);

    // The crash states to explore, bounded: at every point the ordered prefix with unsynced
    // data kept, lost, halved and cut at random; for the unordered model, at every point before
    // a sync or an acknowledgement, each pending operation lost alone, kept alone, all lost,
    // and `randomSubsets` random subsets.
    QList<CrashState> states(Model model, int randomSubsets, quint32 seed) const;
    // Writes what `state` leaves on disk as a tree under `target` (which stands for the root).
    QString materialize(const CrashState &state, const QString &target) const;

    const QList<Operation> &operations() const { return m_operations; }
    // The complete content last written to a file created at `path` (a path under the root),
    // or nothing.
    std::optional<QByteArray> writtenTo(const QString &path) const;
    // Indexes of acknowledgements of a kind, with the operation.
    QList<int> acknowledgements(Pop3Connector::DurableFs::Acknowledgement kind) const;

private:
    bool isMetadata(const Operation &op) const;
    // The folders whose entries an operation changes.
    QStringList foldersTouched(const Operation &op) const;
    // The index of the sync that made metadata operation `i` durable (past the end: none).
    int durableAt(Model model, int i) const;
    // Whether the folder a rename took its file from was synced after it, before `point`.
    bool sourceSynced(int i, int point) const;
    // Metadata operations before `point` that no sync before `point` made durable.
    QList<int> pending(Model model, int point) const;

    QString m_root;
    QList<Operation> m_operations;
    QList<int> m_durableOrdered; // per operation, -1 for data operations
    QList<int> m_durableUnordered;
};
