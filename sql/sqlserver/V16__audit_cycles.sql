-- Issue 19, audit cycles. cycle: the audit cycle a round belongs to (e.g. '2023'); the rounds of one cycle are its
-- waves (universities, hogescholen, NWO/KNAW institutes), and the national report to parliament combines their
-- published views. Null for a round outside any cycle.
ALTER TABLE rounds ADD cycle nvarchar(32) NULL;
GO
CREATE INDEX ix_rounds_cycle ON rounds (cycle);

-- The bureau's summary of a whole cycle, which opens the national report: Markdown, versioned, approved by a second
-- analyst exactly as sector findings are (a save moves version past approved_version and so withdraws the approval).
CREATE TABLE cycle_findings (
    cycle             nvarchar(32)  NOT NULL,
    summary           nvarchar(max) NOT NULL,
    version           int           NOT NULL,
    updated_by        nvarchar(64)  NOT NULL,
    updated_at        datetime2(7)  NOT NULL,
    approved_version  int           NULL,
    approved_by       nvarchar(64)  NULL,
    approved_at       datetime2(7)  NULL,
    CONSTRAINT pk_cycle_findings PRIMARY KEY (cycle)
);
