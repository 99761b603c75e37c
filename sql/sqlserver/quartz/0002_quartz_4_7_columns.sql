-- Brings the job store of 0001 up to the schema Quartz.NET 4.7 validates at start (4.2 continuations, 4.3 fire progress,
-- overlap policy and pause reasons, 4.6 scheduler version, interrupt requests and misfire threshold, 4.7 fixed delay, and the
-- tables added since: paused job groups, job status, execution and misfire history). Without these Quartz refuses to start
-- ("Database schema validation failed"). Taken from the schema Quartz 4.7.3 provisions itself on an empty PostgreSQL database, translated to SQL Server (reviewed, not run in CI).
ALTER TABLE qrtz_triggers ADD
    retry_policy NVARCHAR(250) NULL,
    retry_attempt INTEGER NULL,
    continues_trigger_name NVARCHAR(MAX) NULL,
    continues_trigger_group NVARCHAR(MAX) NULL,
    continuation_condition INTEGER NULL,
    overlap_policy INTEGER NULL,
    pause_reason NVARCHAR(250) NULL,
    paused_by NVARCHAR(200) NULL,
    paused_at BIGINT NULL,
    misfire_threshold BIGINT NULL,
    fixed_delay BIT NULL;
ALTER TABLE qrtz_fired_triggers ADD
    progress INTEGER NULL,
    progress_message NVARCHAR(250) NULL,
    interrupt_requested_time BIGINT NULL;
ALTER TABLE qrtz_paused_trigger_grps ADD
    pause_reason NVARCHAR(250) NULL,
    paused_by NVARCHAR(200) NULL,
    paused_at BIGINT NULL;
ALTER TABLE qrtz_scheduler_state ADD
    quartz_version NVARCHAR(20) NULL;
CREATE TABLE qrtz_paused_job_grps (
    sched_name NVARCHAR(120) NOT NULL, job_group NVARCHAR(150) NOT NULL,
    pause_reason NVARCHAR(250) NULL, paused_by NVARCHAR(200) NULL, paused_at BIGINT NULL,
    PRIMARY KEY (sched_name, job_group)
);
CREATE TABLE qrtz_job_status (
    sched_name NVARCHAR(120) NOT NULL, job_group NVARCHAR(150) NOT NULL, job_name NVARCHAR(150) NOT NULL,
    first_fired_time BIGINT NOT NULL, last_fired_time BIGINT NOT NULL, last_result INTEGER NOT NULL, last_run_time BIGINT NOT NULL,
    last_instance_name NVARCHAR(150) NOT NULL, last_entry_id NVARCHAR(MAX) NULL, last_summary NVARCHAR(MAX) NULL, last_success_time BIGINT NULL,
    last_failure_time BIGINT NULL, last_failure_message NVARCHAR(MAX) NULL, consecutive_failures INTEGER NOT NULL DEFAULT 0,
    run_count BIGINT NOT NULL DEFAULT 0, failure_count BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (sched_name, job_group, job_name)
);
CREATE TABLE qrtz_execution_history (
    sched_name NVARCHAR(120) NOT NULL, entry_id NVARCHAR(140) NOT NULL, instance_name NVARCHAR(150) NOT NULL, job_name NVARCHAR(150) NOT NULL, job_group NVARCHAR(150) NOT NULL,
    trigger_name NVARCHAR(150) NOT NULL, trigger_group NVARCHAR(150) NOT NULL, fired_time BIGINT NOT NULL, run_time BIGINT NOT NULL,
    succeeded BIT NOT NULL, error_message NVARCHAR(MAX) NULL, retry_attempt INTEGER NOT NULL DEFAULT 0,
    retry_scheduled BIT NOT NULL DEFAULT 0, execution_log NVARCHAR(MAX) NULL, result INTEGER NULL, summary NVARCHAR(MAX) NULL, metrics NVARCHAR(MAX) NULL,
    manual BIT NULL, fire_instance_id NVARCHAR(140) NULL, job_input NVARCHAR(MAX) NULL, job_input_too_large BIT NULL,
    PRIMARY KEY (sched_name, entry_id)
);
CREATE TABLE qrtz_misfire_history (
    sched_name NVARCHAR(120) NOT NULL, entry_id NVARCHAR(140) NOT NULL, instance_name NVARCHAR(150) NOT NULL, trigger_name NVARCHAR(150) NOT NULL,
    trigger_group NVARCHAR(150) NOT NULL, job_name NVARCHAR(MAX) NULL, job_group NVARCHAR(MAX) NULL, misfire_time BIGINT NOT NULL, sched_time BIGINT NULL,
    reason INTEGER NULL,
    PRIMARY KEY (sched_name, entry_id)
);
CREATE INDEX idx_qrtz_eh_fire_inst ON qrtz_execution_history (sched_name, fire_instance_id);
CREATE INDEX idx_qrtz_eh_fired_time ON qrtz_execution_history (sched_name, fired_time);
CREATE INDEX idx_qrtz_eh_inst ON qrtz_execution_history (sched_name, instance_name);
CREATE INDEX idx_qrtz_eh_job_time ON qrtz_execution_history (sched_name, job_group, job_name, fired_time);
CREATE INDEX idx_qrtz_eh_trig_time ON qrtz_execution_history (sched_name, trigger_group, trigger_name, fired_time);
CREATE INDEX idx_qrtz_mh_inst ON qrtz_misfire_history (sched_name, instance_name);
CREATE INDEX idx_qrtz_mh_misfire_time ON qrtz_misfire_history (sched_name, misfire_time);
