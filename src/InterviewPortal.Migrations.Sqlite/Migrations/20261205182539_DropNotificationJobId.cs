using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DropNotificationJobId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JobId",
                table: "Notifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JobId",
                table: "Notifications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }
    }
}
