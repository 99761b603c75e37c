-- The tables of Quartz.NET 4's ADO job store (clustered scheduling, Ejv:Schedule:Clustered=true), SQL Server (reviewed, not run in CI).
-- Quartz does not create them; the migration runner applies this script when clustering is on. Table and column names are
-- Quartz's (table prefix qrtz_); see Quartz.NET's database/tables folder for the schema this mirrors.
CREATE TABLE qrtz_job_details (
    sched_name NVARCHAR(120) NOT NULL, job_name NVARCHAR(150) NOT NULL, job_group NVARCHAR(150) NOT NULL, description NVARCHAR(250) NULL,
    job_class_name NVARCHAR(200) NOT NULL, is_durable BIT NOT NULL, is_nonconcurrent BIT NOT NULL, is_update_data BIT NOT NULL,
    requests_recovery BIT NOT NULL, job_data VARBINARY(MAX) NULL,
    PRIMARY KEY (sched_name, job_name, job_group)
);
CREATE TABLE qrtz_triggers (
    sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL, job_name NVARCHAR(150) NOT NULL, job_group NVARCHAR(150) NOT NULL,
    description NVARCHAR(250) NULL, next_fire_time BIGINT NULL, prev_fire_time BIGINT NULL, priority INTEGER NULL, trigger_state NVARCHAR(16) NOT NULL,
    trigger_type NVARCHAR(8) NOT NULL, start_time BIGINT NOT NULL, end_time BIGINT NULL, calendar_name NVARCHAR(250) NULL, misfire_instr SMALLINT NULL,
    misfire_orig_fire_time BIGINT NULL, execution_group NVARCHAR(200) NULL, preferred_node NVARCHAR(200) NULL,
    preferred_node_auto BIT NOT NULL DEFAULT 0, job_data VARBINARY(MAX) NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group)
);
CREATE TABLE qrtz_simple_triggers (
    sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
    repeat_count BIGINT NOT NULL, repeat_interval BIGINT NOT NULL, times_triggered BIGINT NOT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);
CREATE TABLE qrtz_simprop_triggers (
    sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
    str_prop_1 NVARCHAR(250) NULL, str_prop_2 NVARCHAR(250) NULL, str_prop_3 NVARCHAR(250) NULL, int_prop_1 INTEGER NULL, int_prop_2 INTEGER NULL,
    long_prop_1 BIGINT NULL, long_prop_2 BIGINT NULL, dec_prop_1 NUMERIC(13,4) NULL, dec_prop_2 NUMERIC(13,4) NULL,
    bool_prop_1 BIT NULL, bool_prop_2 BIT NULL, time_zone_id NVARCHAR(250) NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);
CREATE TABLE qrtz_cron_triggers (
    sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL, cron_expression NVARCHAR(120) NOT NULL, time_zone_id NVARCHAR(80),
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);
CREATE TABLE qrtz_blob_triggers (
    sched_name NVARCHAR(120) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL, blob_data VARBINARY(MAX) NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);
CREATE TABLE qrtz_calendars (
    sched_name NVARCHAR(120) NOT NULL, calendar_name NVARCHAR(150) NOT NULL, calendar VARBINARY(MAX) NOT NULL,
    PRIMARY KEY (sched_name, calendar_name)
);
CREATE TABLE qrtz_paused_trigger_grps (
    sched_name NVARCHAR(120) NOT NULL, trigger_group NVARCHAR(150) NOT NULL,
    PRIMARY KEY (sched_name, trigger_group)
);
CREATE TABLE qrtz_fired_triggers (
    sched_name NVARCHAR(120) NOT NULL, entry_id NVARCHAR(140) NOT NULL, trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL, instance_name NVARCHAR(150) NOT NULL,
    fired_time BIGINT NOT NULL, sched_time BIGINT NOT NULL, priority INTEGER NOT NULL, state NVARCHAR(16) NOT NULL, job_name NVARCHAR(150) NULL,
    job_group NVARCHAR(150) NULL, is_nonconcurrent BIT NOT NULL, requests_recovery BIT NULL, execution_group NVARCHAR(200) NULL,
    PRIMARY KEY (sched_name, entry_id)
);
CREATE TABLE qrtz_scheduler_state (
    sched_name NVARCHAR(120) NOT NULL, instance_name NVARCHAR(150) NOT NULL, last_checkin_time BIGINT NOT NULL, checkin_interval BIGINT NOT NULL,
    PRIMARY KEY (sched_name, instance_name)
);
CREATE TABLE qrtz_locks (
    sched_name NVARCHAR(120) NOT NULL, lock_name NVARCHAR(40) NOT NULL,
    PRIMARY KEY (sched_name, lock_name)
);
CREATE INDEX idx_qrtz_t_next_fire_time ON qrtz_triggers (sched_name, next_fire_time);
CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time);
CREATE INDEX idx_qrtz_ft_trig_inst_name ON qrtz_fired_triggers (sched_name, instance_name);
CREATE INDEX idx_qrtz_ft_job_req_recovery ON qrtz_fired_triggers (requests_recovery);
