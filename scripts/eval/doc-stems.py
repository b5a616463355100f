#!/usr/bin/env python3
"""Dump each document's stems (Z terms) and their wdf from a newsindex database.

    doc-stems.py DB OUT.npz

OUT.npz: vocab (the stems, no Z), ids (each docid's article id, the Q term),
indptr / stem / wdf (CSR rows by docid - 1). Reads through python3-xapian.
Used by expand-docs.py and tlm-rerank.py (docs/evaluation.md).
"""
import sys

import numpy as np
import xapian


def main():
    db = xapian.Database(sys.argv[1])
    vocab, index = [], {}
    ids, indptr, stems, wdfs = [], [0], [], []
    for docid in range(1, db.get_lastdocid() + 1):
        try:
            doc = db.get_document(docid)
        except xapian.DocNotFoundError:
            ids.append("")
            indptr.append(len(stems))
            continue
        qid = ""
        for t in doc.termlist():
            term = t.term
            if term.startswith(b"Z"):
                s = term[1:].decode()
                i = index.get(s)
                if i is None:
                    i = index[s] = len(vocab)
                    vocab.append(s)
                stems.append(i)
                wdfs.append(t.wdf)
            elif term.startswith(b"Q"):
                qid = term[1:].decode()
        ids.append(qid)
        indptr.append(len(stems))
    np.savez(sys.argv[2], vocab=np.array(vocab), ids=np.array(ids),
             indptr=np.array(indptr, dtype=np.int64), stem=np.array(stems, dtype=np.int32),
             wdf=np.array(wdfs, dtype=np.int32))
    print(f"{len(ids)} documents, {len(vocab)} stems, {len(stems)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
