#include "crashsimulator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <random>

using Pop3Connector::DurableFs::Acknowledgement;
using Kind = Pop3Connector::DurableFs::Operation::Kind;
using Mode = Pop3Connector::DurableFs::File::Mode;

namespace {

QString parentOf(const QString &path)
{
    return QFileInfo(path).path();
}

bool isSync(Kind kind)
{
    return kind == Kind::SyncFile || kind == Kind::SyncFileSystem || kind == Kind::SyncDirectory;
}

} // namespace

CrashSimulator::CrashSimulator(QString root, QList<Operation> operations)
    : m_root(QDir::cleanPath(root))
{
    const auto under = [this](const QString &path) {
        return path == m_root || path.startsWith(m_root + u'/');
    };
    // The root's own entry is made durable by a sync of the folder above it.
    const QString above = parentOf(m_root);
    for (Operation &op : operations) {
        if (op.kind == Kind::Acknowledge || under(op.path)
            || (op.kind == Kind::SyncDirectory && op.path == above))
            m_operations.append(std::move(op));
    }
    // When each metadata operation became durable, in each model (past the end: never).
    const int n = int(m_operations.size());
    for (int i = 0; i < n; ++i) {
        const bool metadata = isMetadata(m_operations[i]);
        m_durableOrdered.append(metadata ? durableAt(Model::OrderedMetadata, i) : -1);
        m_durableUnordered.append(metadata ? durableAt(Model::UnorderedMetadata, i) : -1);
    }
}

bool CrashSimulator::isMetadata(const Operation &op) const
{
    switch (op.kind) {
    case Kind::Open:
        return true; // a creation (an open of an existing file changes no entry; harmless)
    case Kind::Rename:
    case Kind::Exchange:
    case Kind::Remove:
    case Kind::MakeDirectory:
        return true;
    default:
        return false;
    }
}

QStringList CrashSimulator::foldersTouched(const Operation &op) const
{
    switch (op.kind) {
    case Kind::Open:
    case Kind::Remove:
    case Kind::MakeDirectory:
        return {parentOf(op.path)};
    case Kind::Rename:
    case Kind::Exchange:
        return {parentOf(op.path), parentOf(op.target)};
    default:
        return {};
    }
}

int CrashSimulator::durableAt(Model model, int i) const
{
    const Operation &op = m_operations[i];
    const int n = int(m_operations.size());
    int firstSyncfs = n + 1;
    int firstSync = n + 1;
    for (int b = i + 1; b < n; ++b) {
        const Kind k = m_operations[b].kind;
        if (k == Kind::SyncFileSystem) {
            firstSyncfs = b;
            break;
        }
        if (isSync(k) && firstSync > n)
            firstSync = b;
    }
    if (model == Model::OrderedMetadata)
        return std::min(firstSync, firstSyncfs); // any sync commits the journal
    // Unordered: the folder the operation puts its name in must have been synced after it (for
    // a rename, the target's; until the source folder is synced too, the old name may also
    // come back, see Ghosts).
    const QString folder = op.kind == Kind::Rename || op.kind == Kind::Exchange
        ? parentOf(op.target)
        : parentOf(op.path);
    for (int b = i + 1; b < firstSyncfs && b < n; ++b) {
        if (m_operations[b].kind == Kind::SyncDirectory && m_operations[b].path == folder)
            return b;
    }
    return firstSyncfs;
}

bool CrashSimulator::sourceSynced(int i, int point) const
{
    const QString source = parentOf(m_operations[i].path);
    for (int b = i + 1; b < point; ++b) {
        const Operation &op = m_operations[b];
        if (op.kind == Kind::SyncFileSystem
            || (op.kind == Kind::SyncDirectory && op.path == source))
            return true;
    }
    return false;
}

QList<int> CrashSimulator::pending(Model model, int point) const
{
    const QList<int> &durable =
        model == Model::OrderedMetadata ? m_durableOrdered : m_durableUnordered;
    QList<int> out;
    for (int i = 0; i < point; ++i) {
        if (durable[i] >= point)
            out.append(i);
    }
    return out;
}

QList<CrashSimulator::CrashState> CrashSimulator::states(
    Model model, int randomSubsets, quint32 seed) const
{
    QList<CrashState> out;
    std::mt19937 rng(seed);
    const int n = int(m_operations.size());
    for (int point = 0; point <= n; ++point) {
        const QList<int> open = pending(model, point);
        if (model == Model::OrderedMetadata) {
            // Every prefix of the metadata, with each fate of the unsynced data.
            for (Data d : {Data::Kept, Data::Lost, Data::Halved, Data::Random})
                out.append({point, {}, d, quint32(rng()), QStringLiteral("prefix")});
            // The journal not yet committed: everything pending lost, or a shorter prefix.
            if (!open.isEmpty()) {
                out.append({point, QSet<int>(open.cbegin(), open.cend()), Data::Lost, 0,
                    QStringLiteral("uncommitted")});
                const int cut = std::uniform_int_distribution<int>(0, int(open.size()) - 1)(rng);
                out.append({point, QSet<int>(open.cbegin() + cut, open.cend()), Data::Random,
                    quint32(rng()), QStringLiteral("shorter prefix")});
            }
            continue;
        }
        // Unordered: explored where the pending set is largest, just before a sync or an
        // acknowledgement, and at the end.
        const bool interesting = point == n
            || (point < n
                && (isSync(m_operations[point].kind)
                    || m_operations[point].kind == Kind::Acknowledge));
        if (!interesting || open.isEmpty())
            continue;
        const QSet<int> all(open.cbegin(), open.cend());
        out.append({point, {}, Data::Lost, 0, QStringLiteral("all pending kept")});
        CrashState ghosts {point, {}, Data::Lost, 0, QStringLiteral("old names back")};
        ghosts.ghosts = true;
        out.append(ghosts);
        out.append({point, all, Data::Lost, 0, QStringLiteral("all pending lost")});
        for (int i : open) {
            out.append({point, {i}, Data::Lost, 0, QStringLiteral("one lost")});
            QSet<int> others = all;
            others.remove(i);
            out.append({point, others, Data::Lost, 0, QStringLiteral("one kept")});
        }
        for (int r = 0; r < randomSubsets; ++r) {
            QSet<int> subset;
            for (int i : open) {
                if (rng() % 2)
                    subset.insert(i);
            }
            out.append({point, subset, Data::Random, quint32(rng()), QStringLiteral("random")});
        }
    }
    return out;
}

std::optional<QByteArray> CrashSimulator::writtenTo(const QString &path) const
{
    std::optional<QByteArray> content;
    quint64 file = 0;
    for (const Operation &op : m_operations) {
        if (op.kind == Kind::Open && op.path == path) {
            file = op.file;
            content = QByteArray();
        } else if (op.kind == Kind::Write && file && op.file == file) {
            *content += op.data;
        } else if (op.kind == Kind::Truncate && file && op.file == file) {
            content->truncate(op.size);
        }
    }
    return content;
}

QList<int> CrashSimulator::acknowledgements(Acknowledgement kind) const
{
    QList<int> out;
    for (int i = 0; i < m_operations.size(); ++i) {
        if (m_operations[i].kind == Kind::Acknowledge && m_operations[i].ack == kind)
            out.append(i);
    }
    return out;
}

QString CrashSimulator::materialize(const CrashState &state, const QString &target) const
{
    struct Inode
    {
        QByteArray content;
        qint64 synced = 0; // bytes of `content` that are durable
    };
    QHash<quint64, quint64> inodeOf; // file id -> inode
    QHash<quint64, Inode> inodes;
    quint64 nextInode = 1;
    QHash<QString, quint64> current; // what the running program saw
    QHash<QString, quint64> persisted; // what the disk holds after the crash
    QSet<QString> folders;
    const auto keep = [&state](int i) { return !state.dropped.contains(i); };

    for (int i = 0; i < state.point; ++i) {
        const Operation &op = m_operations[i];
        switch (op.kind) {
        case Kind::Open: {
            quint64 inode = current.value(op.path);
            if (!inode || op.mode == Mode::CreateNew) {
                inode = nextInode++;
                inodes.insert(inode, {});
                current.insert(op.path, inode);
                if (keep(i))
                    persisted.insert(op.path, inode);
            } else if (op.mode == Mode::Replace) {
                inodes[inode] = {}; // truncated: taken as lost at once
            }
            inodeOf.insert(op.file, inode);
            break;
        }
        case Kind::Write:
            inodes[inodeOf.value(op.file)].content += op.data;
            break;
        case Kind::Truncate: {
            Inode &n = inodes[inodeOf.value(op.file)];
            n.content.truncate(op.size);
            n.synced = std::min(n.synced, op.size);
            break;
        }
        case Kind::SyncFile: {
            // A File's own sync names it; DurableFs::syncFile() names a closed file's path.
            Inode &n = inodes[op.file ? inodeOf.value(op.file) : current.value(op.path)];
            n.synced = n.content.size();
            break;
        }
        case Kind::SyncFileSystem:
            for (Inode &n : inodes)
                n.synced = n.content.size();
            break;
        case Kind::Rename: {
            const quint64 inode = current.take(op.path);
            if (inode)
                current.insert(op.target, inode);
            if (keep(i) && persisted.contains(op.path)) {
                // The old name may outlive the rename while its folder was not synced since.
                const bool ghost = state.ghosts && !sourceSynced(i, state.point);
                persisted.insert(
                    op.target, ghost ? persisted.value(op.path) : persisted.take(op.path));
            }
            break;
        }
        case Kind::Exchange: {
            const quint64 a = current.take(op.path);
            const quint64 b = current.take(op.target);
            current.insert(op.path, b);
            current.insert(op.target, a);
            if (keep(i)) {
                const auto pa = persisted.take(op.path);
                const auto pb = persisted.take(op.target);
                persisted.insert(op.path, pb);
                persisted.insert(op.target, pa);
            }
            break;
        }
        case Kind::Remove:
            current.remove(op.path);
            if (keep(i))
                persisted.remove(op.path);
            break;
        case Kind::MakeDirectory:
            if (keep(i))
                folders.insert(op.path);
            break;
        case Kind::SyncDirectory:
        case Kind::Close:
        case Kind::Acknowledge:
            break;
        }
    }

    std::mt19937 rng(state.seed);
    const auto relocate = [this, &target](
                              const QString &path) { return target + path.mid(m_root.size()); };
    if (!QDir().mkpath(target))
        return QStringLiteral("cannot create ") + target;
    for (const QString &folder : std::as_const(folders))
        QDir().mkpath(relocate(folder));
    for (auto it = persisted.cbegin(); it != persisted.cend(); ++it) {
        const Inode &n = inodes.value(it.value());
        qint64 length = n.content.size();
        const qint64 unsynced = n.content.size() - n.synced;
        switch (state.data) {
        case Data::Kept:
            break;
        case Data::Lost:
            length = n.synced;
            break;
        case Data::Halved:
            length = n.synced + unsynced / 2;
            break;
        case Data::Random:
            length = n.synced + std::uniform_int_distribution<qint64>(0, unsynced)(rng);
            break;
        }
        const QString path = relocate(it.key());
        if (!QDir(parentOf(path)).exists())
            continue; // its folder's creation did not survive: nor did the entry
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(n.content.left(length)) != length)
            return QStringLiteral("cannot write ") + path;
    }
    return {};
}
