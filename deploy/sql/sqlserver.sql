IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetime2 NOT NULL,
        [Actor] nvarchar(256) NOT NULL,
        [Action] nvarchar(64) NOT NULL,
        [Entity] nvarchar(64) NOT NULL,
        [EntityId] nvarchar(64) NULL,
        [Detail] nvarchar(2000) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [Colleges] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(16) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [WeLinkDepartmentId] nvarchar(64) NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Colleges] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(256) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [GatewayOutbox] (
        [Id] bigint NOT NULL IDENTITY,
        [Kind] nvarchar(32) NOT NULL,
        [Recipient] nvarchar(256) NOT NULL,
        [Text] nvarchar(4000) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_GatewayOutbox] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] bigint NOT NULL IDENTITY,
        [Channel] nvarchar(20) NOT NULL,
        [Recipient] nvarchar(256) NOT NULL,
        [Template] nvarchar(64) NOT NULL,
        [Title] nvarchar(128) NULL,
        [Text] nvarchar(4000) NULL,
        [InterviewId] int NULL,
        [CandidateId] int NULL,
        [DueAt] datetime2 NOT NULL,
        [ClaimedAt] datetime2 NULL,
        [ClaimedBy] nvarchar(128) NULL,
        [SentAt] datetime2 NULL,
        [Attempts] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Late] bit NOT NULL,
        [LastError] nvarchar(1000) NULL,
        [JobId] nvarchar(64) NULL,
        [IdempotencyKey] nvarchar(200) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [PledgeVersions] (
        [Id] int NOT NULL IDENTITY,
        [Version] int NOT NULL,
        [TextZh] nvarchar(max) NOT NULL,
        [TextEn] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_PledgeVersions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [SchedulingLocks] (
        [Name] nvarchar(64) NOT NULL,
        [Counter] bigint NOT NULL,
        CONSTRAINT [PK_SchedulingLocks] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [Settings] (
        [Id] int NOT NULL,
        [NoticeLeadMinutes] int NOT NULL,
        [DailyWindows] nvarchar(200) NOT NULL,
        [PhotoRetentionDays] int NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Settings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [SignInCodes] (
        [Id] bigint NOT NULL IDENTITY,
        [Phone] nvarchar(11) NOT NULL,
        [CodeHash] nvarchar(128) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        [UsedAt] datetime2 NULL,
        [FailedAttempts] int NOT NULL,
        [RequestedFrom] nvarchar(64) NULL,
        CONSTRAINT [PK_SignInCodes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [CollegeId] int NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Colleges_CollegeId] FOREIGN KEY ([CollegeId]) REFERENCES [Colleges] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [Majors] (
        [Id] int NOT NULL IDENTITY,
        [CollegeId] int NOT NULL,
        [Code] nvarchar(6) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [WeLinkDepartmentId] nvarchar(64) NULL,
        CONSTRAINT [PK_Majors] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Majors_Colleges_CollegeId] FOREIGN KEY ([CollegeId]) REFERENCES [Colleges] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [ExamRooms] (
        [Id] int NOT NULL IDENTITY,
        [CollegeId] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [AssistantUserId] nvarchar(450) NULL,
        [RecordSessions] bit NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ExamRooms] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ExamRooms_AspNetUsers_AssistantUserId] FOREIGN KEY ([AssistantUserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE SET NULL,
        CONSTRAINT [FK_ExamRooms_Colleges_CollegeId] FOREIGN KEY ([CollegeId]) REFERENCES [Colleges] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [Candidates] (
        [Id] int NOT NULL IDENTITY,
        [ExamNumber] nvarchar(15) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [IdNumber] nvarchar(18) NOT NULL,
        [Phone] nvarchar(11) NOT NULL,
        [MajorId] int NOT NULL,
        [CollegeId] int NOT NULL,
        [WeLinkUserId] nvarchar(64) NULL,
        [Provisioning] nvarchar(20) NOT NULL,
        [ProvisioningError] nvarchar(500) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Candidates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Candidates_Colleges_CollegeId] FOREIGN KEY ([CollegeId]) REFERENCES [Colleges] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Candidates_Majors_MajorId] FOREIGN KEY ([MajorId]) REFERENCES [Majors] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [Examiners] (
        [Id] int NOT NULL IDENTITY,
        [ExamRoomId] int NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_Examiners] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Examiners_ExamRooms_ExamRoomId] FOREIGN KEY ([ExamRoomId]) REFERENCES [ExamRooms] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [RoomMeetings] (
        [Id] int NOT NULL IDENTITY,
        [ExamRoomId] int NOT NULL,
        [SessionDate] date NOT NULL,
        [ConferenceId] nvarchar(64) NULL,
        [JoinLink] nvarchar(500) NULL,
        [HostPassword] nvarchar(64) NULL,
        [Recorded] bit NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CancelledAt] datetime2 NULL,
        CONSTRAINT [PK_RoomMeetings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RoomMeetings_ExamRooms_ExamRoomId] FOREIGN KEY ([ExamRoomId]) REFERENCES [ExamRooms] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [AssignmentReports] (
        [Id] int NOT NULL IDENTITY,
        [CandidateId] int NOT NULL,
        [CollegeId] int NOT NULL,
        [Message] nvarchar(1000) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Answer] nvarchar(1000) NULL,
        [AnsweredBy] nvarchar(256) NULL,
        [AnsweredAt] datetime2 NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AssignmentReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AssignmentReports_Candidates_CandidateId] FOREIGN KEY ([CandidateId]) REFERENCES [Candidates] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [Interviews] (
        [Id] int NOT NULL IDENTITY,
        [CandidateId] int NOT NULL,
        [ExamRoomId] int NOT NULL,
        [CollegeId] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [StartsAt] datetime2 NOT NULL,
        [DurationMinutes] int NOT NULL,
        [EndsAt] datetime2 NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [NotifiedAt] datetime2 NULL,
        [InvitedAt] datetime2 NULL,
        [StartedAt] datetime2 NULL,
        [FinishedAt] datetime2 NULL,
        [StatusNote] nvarchar(500) NULL,
        [RehearsalOutcome] nvarchar(30) NULL,
        [RehearsalNote] nvarchar(500) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Interviews] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Interviews_Candidates_CandidateId] FOREIGN KEY ([CandidateId]) REFERENCES [Candidates] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Interviews_ExamRooms_ExamRoomId] FOREIGN KEY ([ExamRoomId]) REFERENCES [ExamRooms] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [PhoneChangeRequests] (
        [Id] int NOT NULL IDENTITY,
        [CandidateId] int NOT NULL,
        [CollegeId] int NOT NULL,
        [NewPhone] nvarchar(11) NOT NULL,
        [Reason] nvarchar(1000) NOT NULL,
        [IdCardImageKey] nvarchar(128) NULL,
        [AdmissionTicketImageKey] nvarchar(128) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [DecisionReason] nvarchar(1000) NULL,
        [DecidedBy] nvarchar(256) NULL,
        [DecidedAt] datetime2 NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_PhoneChangeRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PhoneChangeRequests_Candidates_CandidateId] FOREIGN KEY ([CandidateId]) REFERENCES [Candidates] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [PledgeConfirmations] (
        [Id] int NOT NULL IDENTITY,
        [CandidateId] int NOT NULL,
        [Version] int NOT NULL,
        [ConfirmedAt] datetime2 NOT NULL,
        [IpAddress] nvarchar(64) NULL,
        CONSTRAINT [PK_PledgeConfirmations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PledgeConfirmations_Candidates_CandidateId] FOREIGN KEY ([CandidateId]) REFERENCES [Candidates] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [IdVerifications] (
        [Id] int NOT NULL IDENTITY,
        [InterviewId] int NOT NULL,
        [CandidateId] int NOT NULL,
        [PhotoKey] nvarchar(128) NULL,
        [PhotoContentType] nvarchar(32) NOT NULL,
        [SubmittedAt] datetime2 NOT NULL,
        [SubmittedBy] nvarchar(256) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [ReviewerUserName] nvarchar(256) NULL,
        [DecidedAt] datetime2 NULL,
        [Reason] nvarchar(500) NULL,
        [PhotoDeletedAt] datetime2 NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_IdVerifications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IdVerifications_Interviews_InterviewId] FOREIGN KEY ([InterviewId]) REFERENCES [Interviews] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE TABLE [MeetingInvitations] (
        [Id] int NOT NULL IDENTITY,
        [InterviewId] int NOT NULL,
        [MeetingId] nvarchar(64) NULL,
        [JoinLink] nvarchar(500) NULL,
        [Attempts] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [GatewayReference] nvarchar(128) NULL,
        [LastError] nvarchar(1000) NULL,
        [RequestedBy] nvarchar(256) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [SentAt] datetime2 NULL,
        [AdmittedAt] datetime2 NULL,
        [ClaimedAt] datetime2 NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_MeetingInvitations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeetingInvitations_Interviews_InterviewId] FOREIGN KEY ([InterviewId]) REFERENCES [Interviews] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'Counter') AND [object_id] = OBJECT_ID(N'[SchedulingLocks]'))
        SET IDENTITY_INSERT [SchedulingLocks] ON;
    EXEC(N'INSERT INTO [SchedulingLocks] ([Name], [Counter])
    VALUES (N''schedule'', CAST(0 AS bigint))');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'Counter') AND [object_id] = OBJECT_ID(N'[SchedulingLocks]'))
        SET IDENTITY_INSERT [SchedulingLocks] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_CollegeId] ON [AspNetUsers] ([CollegeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AssignmentReports_CandidateId] ON [AssignmentReports] ([CandidateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AssignmentReports_CollegeId_Status] ON [AssignmentReports] ([CollegeId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Actor] ON [AuditEntries] ([Actor]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Entity_EntityId] ON [AuditEntries] ([Entity], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Candidates_CollegeId_MajorId] ON [Candidates] ([CollegeId], [MajorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Candidates_ExamNumber] ON [Candidates] ([ExamNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Candidates_IdNumber] ON [Candidates] ([IdNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Candidates_MajorId] ON [Candidates] ([MajorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Candidates_Name] ON [Candidates] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Candidates_Phone] ON [Candidates] ([Phone]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Colleges_Code] ON [Colleges] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Examiners_ExamRoomId] ON [Examiners] ([ExamRoomId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_ExamRooms_AssistantUserId] ON [ExamRooms] ([AssistantUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ExamRooms_CollegeId_Name] ON [ExamRooms] ([CollegeId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_GatewayOutbox_Kind_CreatedAt] ON [GatewayOutbox] ([Kind], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_GatewayOutbox_Recipient_CreatedAt] ON [GatewayOutbox] ([Recipient], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_IdVerifications_InterviewId] ON [IdVerifications] ([InterviewId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_IdVerifications_Status_SubmittedAt] ON [IdVerifications] ([Status], [SubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Interviews_CandidateId_StartsAt] ON [Interviews] ([CandidateId], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Interviews_CollegeId_StartsAt] ON [Interviews] ([CollegeId], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Interviews_ExamRoomId_StartsAt] ON [Interviews] ([ExamRoomId], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Interviews_Status_StartsAt] ON [Interviews] ([Status], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Majors_Code] ON [Majors] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Majors_CollegeId] ON [Majors] ([CollegeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_MeetingInvitations_InterviewId_CreatedAt] ON [MeetingInvitations] ([InterviewId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_MeetingInvitations_Status] ON [MeetingInvitations] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Notifications_IdempotencyKey] ON [Notifications] ([IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Notifications_InterviewId] ON [Notifications] ([InterviewId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_Notifications_Status_DueAt] ON [Notifications] ([Status], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_PhoneChangeRequests_CandidateId] ON [PhoneChangeRequests] ([CandidateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_PhoneChangeRequests_CollegeId_Status] ON [PhoneChangeRequests] ([CollegeId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PledgeConfirmations_CandidateId_Version] ON [PledgeConfirmations] ([CandidateId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PledgeVersions_Version] ON [PledgeVersions] ([Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RoomMeetings_ExamRoomId_SessionDate] ON [RoomMeetings] ([ExamRoomId], [SessionDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_SignInCodes_Phone_CreatedAt] ON [SignInCodes] ([Phone], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127135732_InitialCreate'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127135732_InitialCreate', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205120543_SessionsEndWhenTheyMust'
)
BEGIN
    ALTER TABLE [Candidates] ADD [SessionStamp] nvarchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205120543_SessionsEndWhenTheyMust'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [DisabledAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205120543_SessionsEndWhenTheyMust'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205120543_SessionsEndWhenTheyMust', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205182545_DropNotificationJobId'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Notifications]') AND [c].[name] = N'JobId');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Notifications] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Notifications] DROP COLUMN [JobId];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205182545_DropNotificationJobId'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205182545_DropNotificationJobId', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205215448_RoomMeetingPlatform'
)
BEGIN
    ALTER TABLE [RoomMeetings] ADD [BackupClaimedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205215448_RoomMeetingPlatform'
)
BEGIN
    ALTER TABLE [RoomMeetings] ADD [BackupJoinLink] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205215448_RoomMeetingPlatform'
)
BEGIN
    ALTER TABLE [RoomMeetings] ADD [BackupMeetingCode] nvarchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205215448_RoomMeetingPlatform'
)
BEGIN
    ALTER TABLE [RoomMeetings] ADD [BackupMeetingId] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205215448_RoomMeetingPlatform'
)
BEGIN
    ALTER TABLE [RoomMeetings] ADD [ConsecutiveFailures] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205215448_RoomMeetingPlatform'
)
BEGIN
    ALTER TABLE [RoomMeetings] ADD [Platform] nvarchar(20) NOT NULL DEFAULT N'Primary';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205215448_RoomMeetingPlatform'
)
BEGIN
    ALTER TABLE [RoomMeetings] ADD [PlatformVersion] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205215448_RoomMeetingPlatform'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205215448_RoomMeetingPlatform', N'10.0.15');
END;

COMMIT;
GO

