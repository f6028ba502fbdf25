using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RoomMeetingPlatform : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BackupClaimedAt",
                table: "RoomMeetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BackupJoinLink",
                table: "RoomMeetings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BackupMeetingCode",
                table: "RoomMeetings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BackupMeetingId",
                table: "RoomMeetings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConsecutiveFailures",
                table: "RoomMeetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Platform", // existing sessions ran on WeLink: "Primary", not an empty string the enum cannot read
                table: "RoomMeetings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Primary");

            migrationBuilder.AddColumn<int>(
                name: "PlatformVersion",
                table: "RoomMeetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BackupClaimedAt",
                table: "RoomMeetings");

            migrationBuilder.DropColumn(
                name: "BackupJoinLink",
                table: "RoomMeetings");

            migrationBuilder.DropColumn(
                name: "BackupMeetingCode",
                table: "RoomMeetings");

            migrationBuilder.DropColumn(
                name: "BackupMeetingId",
                table: "RoomMeetings");

            migrationBuilder.DropColumn(
                name: "ConsecutiveFailures",
                table: "RoomMeetings");

            migrationBuilder.DropColumn(
                name: "Platform",
                table: "RoomMeetings");

            migrationBuilder.DropColumn(
                name: "PlatformVersion",
                table: "RoomMeetings");
        }
    }
}
